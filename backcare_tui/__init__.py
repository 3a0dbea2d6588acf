"""backcare-tui: a keyboard-driven terminal coach for a gradual back-care exercise programme."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("backcare-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
