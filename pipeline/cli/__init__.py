"""The command line: every click command, each a thin call into the library.

`main.py` holds the commands (MkDocs' model: one file, each command a few
lines that parse flags, call `pipeline.run` / `pipeline.gate`, and print);
`options.py` the flags several commands share. No module outside this
package imports click.
"""

from __future__ import annotations

from pipeline.cli.main import cli, main

__all__ = ["cli", "main"]
