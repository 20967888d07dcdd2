"""The core domain: countries, people, pairs, meetings, topics and subscriptions."""

from .geo import Country, CountryPair
from .meetings import Meeting, Topic
from .people import Person, Role
from .subscriptions import DigestDelivery, Subscription

__all__ = [
    "Country",
    "CountryPair",
    "DigestDelivery",
    "Meeting",
    "Person",
    "Role",
    "Subscription",
    "Topic",
]
