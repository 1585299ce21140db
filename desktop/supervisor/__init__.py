"""Supervisor console: live board of ramais and calls, call actions, KPIs and charts."""
