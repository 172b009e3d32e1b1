# One set of doctor rules (coachbot/domain/doctor_rules.py): the learn page "When to see a doctor"
# and the README's doctor section are built from these lines plus the nudge reasons
# (nudge-reason-* in checkin.ftl), in the order the rules list them.

doctor-page-title = <b>When to see a doctor</b>
doctor-page-intro = Most twitches are harmless and fade on their own. These are the times a doctor's look is worthwhile.
doctor-page-book = 🩺 <b>Book a routine appointment</b> for:
doctor-page-soon = ⚠️ <b>See a doctor soon, within a few days</b>, if you notice:
doctor-page-emergency = 🚨 <b>Call your local emergency number now</b> if something comes on suddenly:
doctor-page-outro = Twitches on their own, without these signs, are very rarely serious. Seeing a doctor is a sensible step, not a sign that something is wrong. If a new sign appears on any day, /signs tells me about it.

rule-emergency-one_side = • weakness or numbness on one side of the body
rule-emergency-face = • one side of the face drooping
rule-emergency-speech = • trouble speaking, or slurred speech
rule-emergency-breathing = • trouble breathing
rule-emergency-swallowing = • choking, or being unable to swallow
rule-emergency-chest = • chest pain
rule-emergency-fainting = • fainting or passing out
