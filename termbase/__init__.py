"""termbase: a translation and terminology memory for social-services vocabulary
in Polish, Lithuanian and English."""

__version__ = "0.1.0"
__all__ = ["Termbase", "Concept", "Term", "Segment", "__version__"]


def __getattr__(name):
    # Imported lazily so that `import termbase` stays cheap for the command line.
    if name == "Termbase":
        from termbase.api import Termbase

        return Termbase
    if name in ("Concept", "Term", "Segment"):
        from termbase import model

        return getattr(model, name)
    raise AttributeError(name)
