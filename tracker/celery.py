"""The Celery app, wired as Celery's "First steps with Django" shows."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("samvad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="samvad.ping", ignore_result=False)
def ping(value: int) -> int:
    """A trivial round trip, used by health checks and the worker test."""
    return value + 1
