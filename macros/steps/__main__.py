"""`python -m macros.steps SITE_DIR`: run every build step on a built site (macros/steps/run.py)."""
import sys

from macros.steps.run import main

sys.exit(main(sys.argv))
