"""The built-in extractors: plugins of the same hooks third parties implement."""
