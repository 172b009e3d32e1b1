"""Helpers shared by the tests, imported as ordinary modules (`from support.harness import …`).

pyproject's `pythonpath` puts tests/ on sys.path; fixtures stay in tests/conftest.py.
"""
