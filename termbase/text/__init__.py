"""Text handling shared by every layer: normalisation keys, tokens, morphology."""

from termbase.text.normalize import fold, norm, tokenize, Token

__all__ = ["fold", "norm", "tokenize", "Token"]
