"""Shipped data (exercises, pictures): installed as the package app.resources_data."""
