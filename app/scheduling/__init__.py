"""APScheduler on the Qt event loop, and the two wake-ups the desk-time engine asks for."""
