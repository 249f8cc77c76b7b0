"""The Qt views and their controllers: tray, status window, stretch window, toast."""
