"""Benchmarks: each script runs with one command and prints one JSON object as its last line."""
