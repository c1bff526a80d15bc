"""``python -m reportkit`` runs the CLI."""

from .cli import main

main()
