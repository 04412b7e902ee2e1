"""Run the command line with ``python -m engagekit``."""

from engagekit.cli import run


run()
