"""Stage 3, story: documents and their facts in, what the report says out.

Takes parsed documents (with facts), a :class:`~reportkit.layouts.Layout`, the week and the
resolved chart data; returns a :class:`~reportkit.model.Report`: title, standfirst,
takeaways, key figures. ``select.py`` matches layout fact selectors (shared with charts). ``record.py`` writes and
reads the JSON record of a build, ``changes.py`` compares two records ("What changed").
Imports layouts, facts and the base modules; never charts or renderers.
"""

from .assemble import assemble, key_figures, merge_takeaways, render_title, standfirst, title_vars
from .changes import changes_dict, changes_text, compare, record_changes
from .record import SCHEMA as RECORD_SCHEMA
from .record import check_same_report, load_record, record_path, report_record, write_record
from .select import dedupe, matches, select

__all__ = ["RECORD_SCHEMA", "assemble", "changes_dict", "changes_text", "check_same_report", "compare", "dedupe",
           "key_figures", "load_record", "matches", "merge_takeaways", "record_changes", "record_path", "render_title",
           "report_record", "select", "standfirst", "title_vars", "write_record"]
