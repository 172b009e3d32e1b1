"""The reminders engine: one tick claims due rows from the database and a paced sender delivers them."""
