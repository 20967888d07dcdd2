"""Near-duplicate articles: syndicated copies of one report on other sites.

MinHash over word 5-shingles of the normalised body, split into LSH bands stored in
ShingleBand. A new article's candidates are the articles sharing a band (an indexed
lookup); a candidate is a duplicate when the shingle sets' Jaccard similarity is at
least THRESHOLD. Of a group of copies, the original is the earliest published (ties
broken by URL), whatever order the copies were processed in.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash
from django.db.models import Q

from tracker.text import normalise_for_match

from .models import Article, ShingleBand

NUM_PERM = 128
BANDS, ROWS = 16, 8  # LSH candidate threshold about (1/16) ** (1/8) = 0.71
THRESHOLD = 0.8
SHINGLE = 5
MIN_TOKENS = 20
# Words: letters, digits and the Devanagari combining marks (\w alone splits at matras).
_TOKEN = re.compile(r"[\w\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]+")


def shingles(text: str) -> set[bytes]:
    tokens = _TOKEN.findall(normalise_for_match(text))
    if len(tokens) < MIN_TOKENS:
        return set()
    return {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


def band_keys(shingle_set: set[bytes]) -> list[int]:
    """One signed 63-bit key per LSH band of the MinHash signature (empty if too short)."""
    if not shingle_set:
        return []
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(sorted(shingle_set))
    values = minhash.hashvalues.astype(np.uint64)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def original_order(article: Article) -> tuple:
    """Sort key: the earliest published is the original; the URL breaks ties."""
    published = article.published_at.isoformat() if article.published_at else "9999"
    return (published, article.canonical_url)


def index_article(article: Article) -> tuple[set[bytes], list[int]]:
    """Store the article's band keys (replacing old ones); returns its shingles and keys."""
    shingle_set = shingles(article.body)
    keys = band_keys(shingle_set)
    ShingleBand.objects.filter(article=article).delete()
    ShingleBand.objects.bulk_create(
        ShingleBand(article=article, band=band, key=key) for band, key in enumerate(keys)
    )
    return shingle_set, keys


def find_original(article: Article) -> tuple[Article | None, list[Article]]:
    """Index the article; return (the original it copies or None, copies it now leads).

    When this article is the earliest of its group, the copies processed before it
    are re-pointed at it and returned, so the caller can re-resolve them.
    """
    shingle_set, keys = index_article(article)
    if not shingle_set:
        return None, []
    same_band = Q()
    for band, key in enumerate(keys):
        same_band |= Q(band=band, key=key)
    candidate_ids = set(
        ShingleBand.objects.filter(same_band)
        .exclude(article=article)
        .values_list("article_id", flat=True)
    )
    copies = [
        other
        for other in Article.objects.filter(pk__in=candidate_ids).only(
            "pk", "body", "published_at", "canonical_url", "duplicate_of"
        )
        if jaccard(shingle_set, shingles(other.body)) >= THRESHOLD
    ]
    if not copies:
        return None, []
    original = min([article, *copies], key=original_order)
    if original.pk != article.pk:
        return original.duplicate_of or original, []
    demoted = [c for c in copies if c.duplicate_of_id != article.pk]
    Article.objects.filter(pk__in=[c.pk for c in copies]).update(duplicate_of=article)
    Article.objects.filter(duplicate_of__in=copies).update(duplicate_of=article)
    return None, demoted
