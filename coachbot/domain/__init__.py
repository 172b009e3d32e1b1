"""Pure rules: no Telegram, no SQL, no clock reads (every function takes `now`)."""
