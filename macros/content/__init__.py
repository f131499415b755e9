"""Content in, checked: the data's shapes (pydantic), loading every page and data file, and the checks that name a file and field when something is wrong."""
