"""Page macros' logic: turning checked content into what the Jinja partials in overrides/swp/ render (define_env in macros/__init__.py registers the macros)."""
