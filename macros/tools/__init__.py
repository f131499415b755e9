"""Editors' command-line tools, run by make: check, report, scaffold, schemas, vendor."""
