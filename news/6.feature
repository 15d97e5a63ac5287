Staff workspace on every intranet page: a quick registration bar with FAQ
suggestions (register, or answer and close, in place; drafts survive failures and
reloads), my queue, who is on duty and available (status set in one click, last
seen in memory or Redis, never the ZODB) and the message box, each switchable and
placeable by the admin; a personal dashboard; statistics for leads with accessible
charts, CSV/XLSX and open-data exports, computed from catalog indexes; iCalendar
feeds of my deadlines and the duty roster with revocable secret URLs.
