"""Settings for the test suite: production settings with a test key and a fast hasher.

`DATABASE_URL` and `REDIS_URL` come from the environment as in production; the
Makefile's `test` target points them at the local PostgreSQL and Redis.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from tracker.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests call task functions directly or run a real worker; nothing runs eagerly
# behind their back unless no broker is configured at all.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# WhiteNoise warns about a missing STATIC_ROOT on every request; tests never collect.
STATIC_ROOT.mkdir(exist_ok=True)  # noqa: F405
