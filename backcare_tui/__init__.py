"""backcare-tui: a keyboard-driven terminal coach for a gradual back-care exercise programme."""


def __getattr__(name: str) -> str:
    # Looked up on first use: importing importlib.metadata costs ~40 ms of start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("backcare-tui")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
