# Operator replies: the allow-list answer and /stats (counts only, never anyone's data).

admin-not-allowed = Hello! This coach is running privately for a small group, so I can't help you here. Thank you for understanding.
admin-stats =
    <b>coachbot status</b>
    People: { $people } ({ $onboarded } set up, { $active } active)
    Updates handled: { $updates }
    Errors: { $errors }
    Reminders sent: { $sent }, dropped: { $dropped }
    Database: { $size } KiB
