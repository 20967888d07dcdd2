"""Starts a Celery worker for the integration tests, optionally with a fault.

With SAMVAD_CRASH_MARKER set, the first `resolve_article` call in the worker writes
its process id to that file and hangs, so the test can kill the process mid-way
through `process_article`; later calls (after the restart) run normally.
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings_test")
django.setup()


def install_crash_point(marker: str) -> None:
    from articles import resolve

    original = resolve.resolve_article

    def hang_once(article):
        if not os.path.exists(marker):
            with open(marker, "w") as f:
                f.write(str(os.getpid()))
            time.sleep(120)
        return original(article)

    resolve.resolve_article = hang_once


if __name__ == "__main__":
    if os.environ.get("SAMVAD_CRASH_MARKER"):
        install_crash_point(os.environ["SAMVAD_CRASH_MARKER"])
    from tracker.celery import app

    app.worker_main(
        [
            "worker",
            "--loglevel",
            "WARNING",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            *sys.argv[1:],
        ]
    )
