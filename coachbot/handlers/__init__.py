"""Telegram glue, one module per feature (their handlers are registered in app.py, in order)."""
