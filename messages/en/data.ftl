# Data rights: /export, /import, /delete.

cmd-export = Download everything I keep about you
cmd-import = Restore a file from /export
cmd-delete = Erase everything about you

data-nothing-held = I don't keep anything about you right now. Send /start whenever you'd like to begin.
data-export-caption = Here is everything I keep about you: { $rows ->
        [one] { $rows } record
       *[other] { $rows } records
    }, one CSV file per table, plus a JSON copy. To move to another copy of this bot, send this file there after /import.
data-export-readme =
    This is everything the coachbot instance kept about you.

    Each .csv file is one table (open it with any spreadsheet); empty cells mean "not answered".
    coachbot-export.json holds the same data; send this whole ZIP file back to a coachbot after /import to restore it.
    Your Telegram id and internal row numbers are left out, so the file can be restored into any account.
data-import-ask = Send me the ZIP file that /export gave you (up to { $mb } MB), as a file. <b>It replaces everything I have about you now</b> with what's in the file.
data-import-cancelled = OK, no import. Send /import again when you have the file at hand.
data-import-unexpected = Thanks, but I only read files from /export. To restore one, send /import first and then the file.
data-import-refused = I couldn't restore that file: { $reason } Nothing has changed.
data-import-done = Restored ✅ { $rows ->
        [one] { $rows } record is
       *[other] { $rows } records are
    } back, with your settings and reminders. /summary shows what your log says.
data-reason-too-big = it's larger than I accept ({ $mb } MB at most).
data-reason-not-export = it isn't a file made by /export.
data-reason-corrupt = the file is damaged or incomplete.
data-reason-newer-version = it was made by a newer version of this bot. Please ask its operator to update.
data-reason-invalid = some of its contents don't fit what I store (it may have been edited).
data-reason-invalid-at = a value doesn't fit what I store (it may have been edited). The first one is in: { $place }.
data-reason-download = I couldn't download it. Please try sending it again.

data-delete-ask = <b>Erase everything about you?</b> Check-ins, logs, settings and reminders will be gone for good, and I can't bring them back. (/export first if you'd like a copy.)
data-delete-yes = Yes, erase everything
data-delete-no = No, keep my data
data-delete-kept = Nothing was erased. Your data stays as it is.
data-delete-done = Done: everything about you has been erased, reminders included. If you ever want to start again, send /start.
data-delete-expired = That confirmation is too old, so nothing was erased. Send /delete again if you still want to.
