"""Build steps on the finished site, whichever generator wrote it: search words, the theme's markup fixes, the security policy. `python -m macros.steps SITE_DIR`."""
