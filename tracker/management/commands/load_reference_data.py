"""`manage.py load_reference_data`: countries, topics and people from the libraries and fixtures."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from tracker.reference_data import load_reference_data


class Command(BaseCommand):
    help = (
        "Load every ISO country (Hindi names from babel and pycountry plus curated aliases), "
        "the topics and the curated people. Safe to run again: it changes only what differs."
    )

    def handle(self, *args, **options) -> None:
        load_reference_data(stdout=self.stdout if options["verbosity"] > 0 else None)
