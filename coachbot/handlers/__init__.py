"""Telegram glue, one module per feature. Each module exposes `register(app)` and `COMMANDS`."""
