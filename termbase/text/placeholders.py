"""Tag placeholders in segment text (`<x1/>`, `<g2>`...`</g2>`, written for inline codes by
the TMX reader): matching treats each as a break between words, never as a word."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"<x(\d+)/>|<g(\d+)>|</g(\d+)>")


def without_tags(text: str) -> str:
    """The text with each placeholder replaced by a space."""
    return PLACEHOLDER.sub(" ", text) if "<" in text else text
