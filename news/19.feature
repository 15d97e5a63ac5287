Lean writes and steadier instances (issue 19): an inquiry's text is indexed once (in the
Norwegian `servicedesk_text`; `SearchableText` keeps its number, summary and tags), its
`Description` column holds an excerpt, `object_provides` only the interfaces anyone
queries, and three metadata columns nobody read are gone (upgrade 1010 → 1011): a REST
registration appends about 180 kB to Data.fs instead of about 220 kB, in one registration
transaction plus the reference number's. Queue panels, the dashboard, REST queue pages and
the quick bar's desk link are cached per user until the catalogue changes. A garbage
collection policy for large caches (`SERVICEDESK_GC_POLICY=large-cache`: higher young
threshold, `gc.freeze()` at start and after warm-up) removes the full collections over the
cached objects. `scripts/pack.py` packs FileStorage; the production tuning how-to covers
GC, warm-up and packing (FileStorage, RelStorage with and without history). `make bench`
reports bytes per registration (W) and GC pauses per policy (GC).
