"""seo-pipeline: generate SEO articles and check any HTML page.

The flow is in `pipeline.run` (`build`, `check`); the command line in `pipeline.cli`.
"""

__version__ = "0.1.0"
