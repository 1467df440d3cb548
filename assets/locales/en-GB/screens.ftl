# The words of the practice screens (src/present/wording.rs), for every
# front end: full screen, plain mode, speech and the kiosk.
# House style: plain British English, a reading age of about nine, at most
# 25 words a sentence, never blaming the learner.

app-title = hangup: practise spotting phone scams
choose = Choose
list-title = Choose a call to practise.
list-hint-keys = Press its number, or use the arrow keys and Enter.
list-hint-touch = Touch a call to start it.
refused-genuine = Some calls are real. It is fine to check them by calling back on a number you trust.
more-calls = More calls
# "More calls" in a footer short of room (40 columns): "0 More".
more-short = More
help = Help
stop = Stop
go-on = Go on
back-to-list = Back to the list
# "Back to the list" in a footer short of room (40 columns): "Esc Back".
back-short = Back
quick-questions = Quick questions
back-one-step = Back one step
choose-again = Choose again
leave = Leave
skip = Skip
replay = Safer way
# With --speak: the key that says the screen again.
hear-again = Hear it again
# "Hear it again" in a footer short of room (40 columns): "s Again".
hear-again-short = Again
go-back = Go back
more-below = More below
scroll-up = More above
ringing = Your phone is ringing.
message-arrived = A text message has arrived.
knocking = Someone is knocking at your door.
answer-phone = Answer the phone
# Short forms for a footer short of room (40 columns): "Enter Answer".
answer-phone-short = Answer
read-message = Read the message
read-message-short = Read
go-to-door = Go to the door
caller-id-shows = Caller ID shows
it-is-from = It is from
they-say-they-are = They say they are
can-be-faked = Remember: the name and number on your screen can be faked. They do not prove who it is.
what-would-you-do = What would you do?
your-choice = Your choice.
your-answer = Your answer.
you-chose = You chose
safer = Safer choice.
risky = Risky choice.
trick = Trick
call-ended = The call has ended.
# $title: the ending's title (e.g. "Your money is safe"), as the headline of the ending.
ending-headline = { $title }.
what-happened = What happened:
what-to-do-scam = What to do if this happens to you:
what-to-do-genuine = How to check a call safely:
tricks-in-call = Tricks in this call
replay-title = Your path and the safer path.
what-you-did = What you did:
safer-way = The safer way:
yes = Yes
no = No
quick-check-title = A quick check.
quick-yes = Yes, start the check
not-now = Not now
scam-or-real = Is this a scam or a real call?
a-scam = A scam
a-real-call = A real call
check-done = Quick check done.
check-done-after = Quick check done: before and after.
to-the-calls = Go to the practice calls
help-title = Help.
if-worried = If a call worries you:
numbers-to-know = Numbers to know:
keys = Keys on this screen:
touch-help = Touch an answer or a button to choose it. Touch More below to read on.
close-card = Close this card
stop-question = Do you want to stop practising?
yes-stop = Yes, stop
leave-question = Do you want to leave this call and go back to the list?
yes-leave = Yes, leave the call
keep-going = No, keep going
confirm-title = Are you sure?
touch-answer = Touch an answer
touch-button = Touch a button
too-small = Please make the window bigger.
reading-hint = Hard to read? Ask a helper to start hangup with big letters or strong colours.
reading-hint-short = Hard to read? Press ? for help.
theme-hint = A helper can also make the screen light or dark to suit you.
typed-help = For help, type a question mark.
# The start of plain mode's key line on the help card; the keys of the screen
# beneath follow, one plain-prompt-key each.
plain-keys = Type the number of your choice and press Enter.
leave-check-question = Do you want to stop these questions and go back to the list of calls?
yes-leave-check = Yes, go to the list
no-step-back = There is no step to go back to here.

## Made with numbers or words from the call

# $n: the step's number.
step-title = Step { $n }.
# $n of $of questions.
recall-title = Quick question { $n } of { $of }.
check-title = Quick check, call { $n } of { $of }.
# $title: the call's title, ending in a full stop.
practice-call = Practice call: { $title }
# $source: who gave the advice, e.g. "Action Fraud".
based-on-advice = Based on advice from { $source }.
# $said and $want are said-yes or said-no.
recall-verdict-right = You said { $said }. That is right.
recall-verdict-wrong = You said { $said }. The answer is { $want }.
said-yes = yes
said-no = no
so-far = So far:
so-far-scams = { $scams ->
    [one] { $spotted } of { $scams } scam spotted.
   *[other] { $spotted } of { $scams } scams spotted.
}
so-far-genuine = { $genuine ->
    [one] { $handled } of { $genuine } real call handled well.
   *[other] { $handled } of { $genuine } real calls handled well.
}
# $first: a file name; $reason: why, in plain words.
skipped-one = Note: { $first } could not be used: { $reason }
skipped-many = Note: { $count } files could not be used. The first is { $first }: { $reason }
# The plain-mode prompt. Scripts look for its start: keep "Choose 1-{ $n }" first.
plain-prompt = Choose 1-{ $n } and press Enter.
# The prompt said aloud (--speak): the same in words, "1 to 3", not "1-3";
# for two choices "1 or 2".
plain-prompt-aloud = { $n ->
        [1] Choose 1 and press Enter.
        [2] Choose 1 or 2 and press Enter.
       *[other] Choose 1 to { $n } and press Enter.
    }
# $what: one of plain-get-help, plain-hear-again, plain-go-back, plain-leave; $key: the key.
plain-prompt-key = To { $what }, type { $key }.
plain-get-help = get help
plain-hear-again = hear it again
plain-go-back = go back a step
plain-leave = leave
plain-wrong = Please type a number from 1 to { $n }.

# Plain mode's title line for each screen. Screen-reader users search for
# its start: keep "Screen:" first.
plain-screen = Screen: { $title }

## Plain mode: who speaks. $who: a name from the call; $words: what they say.
plain-says = { $who } says: "{ $words }"
plain-message-says = The message says: "{ $words }"
plain-thought = You think: { $words }
# $words: what someone not named says.
plain-they-say = They say: "{ $words }"
# $from: the number on the phone's screen.
quick-phone-rings = The phone rings. The screen shows { $from }.
quick-text-arrives = A text message arrives from { $from }.

## The list of calls: progress. The word before a call's title:
mark-due = Due
mark-new = New
# $done of $all calls.
practised-count = { $done } of { $all } practised.
due-count =
    { $due ->
        [one] { $due } call is due for practice again. It is at the top.
       *[other] { $due } calls are due for practice again. They are at the top.
    }
# $names: the tricks' names, with commas.
tricks-again = Tricks to practise again: { $names }.
# $date: a date like "1 March 2026".
booster = Practise this again in about two weeks, on or after { $date }.

## Added with the presentation model.
another-call = Another call
not-sure = Not sure: I would check first

## The full-screen front end (src/tui)

# $w and $h: the smallest window, in columns and rows.
too-small-size = It needs room for { $w } letters across and { $h } lines down.
more-below-touch = More below: touch here
more-below-keys = More below: press Page Down
more-above-touch = More above: touch here
more-above-keys = More above: press Page Up
# The list of calls, when it has more than one page.
page-of = (this is page { $n } of { $of })
# The title of the box round what someone says. $who: a name from the call.
says-title = { $who } says
message-says-title = The message says
you-think-title = You think
message-title = A message
# $words: a text message in the call.
message-arrives = A message arrives: "{ $words }"
big-letters-note = On this text screen big letters are made of whole blocks, so they show only where a message fits.
touch-to-close = When you have read it, touch Close this card to go back.
# $keys: key names, such as "Esc or ?".
press-to-close = Press { $keys } to close this card.
# In big letters (--large) as a call, message or visit comes in: short.
banner-call = Phone ringing
banner-message = New text message
banner-visit = Knock at the door
key-or = or
# The end of a practice that was text messages, or a knock at the door.
message-ended = That is the end of the messages.
visit-ended = The visit has ended.
# Leaving messages or a visit part way through (a call says "leave this call").
leave-question-other = Do you want to stop this practice and go back to the list?
# `hangup play ID` (one practice, then the program ends): leaving ends it.
leave-question-end = Do you want to leave this call? The practice then ends.
leave-question-other-end = Do you want to stop this practice?
yes-leave-other = Yes, go back to the list
# On the list after its first page: the page before.
previous-calls = Previous calls
# On the list's last page, "More calls" goes back to the first page.
first-calls = Back to the first calls
first-short = First page
# On the list in a language that not every call has yet (Welsh).
only-some-calls = Only some calls are in Welsh so far. To see them all, choose English.

## The replay: your path and the safer path
replay-part-first = At your first choice, there was a safer thing to do.
# $same: how many choices were the same; $at: the choice where they part.
replay-part =
    { $same ->
        [one] Your first choice was the same as the safer way.
       *[other] Your first { $same } choices were the same as the safer way.
    } At choice { $at }, there was a safer thing to do.
# $title: the ending's title.
replay-ended = Ending: { $title }.

## The quick check
check-offer-before = Before you start, would you like a quick check? You will read six short calls. For each one, say if it is a scam or a real call.
check-offer-after = You have practised some calls. Would you like the quick check again? You can compare it with your first go.
# The last sentence of the offer. With speech on, check-minutes-aloud instead:
# $minutes is counted from the spoken words (a test checks it).
check-minutes = It takes about three minutes.
check-minutes-aloud = Read aloud, it takes about { $minutes } minutes.
# The verdict line above a quick-check call's explanation. The explanation
# itself says which it was ("This is a scam."), so these never say it again.
# $said: scam or real. Never "Wrong!": the careful answer is always safe.
check-answer-unsure = You said you would check first. That is always safe.
check-answer-right = That is right.
check-answer-wrong = You said { $said ->
        [scam] a scam
       *[real] a real call
    }.
# The quick check's score: $right of $asked.
check-you-got = You got { $right } of { $asked } right.
# A quick check's score in a list (hangup progress): $right of $asked.
check-score = { $right } of { $asked } right
# $right: calls named right (a careful "check first" is not counted as
# naming one); $unsure: how many times the learner said they would check first.
check-before-you-got = Before you practised, you got { $right } of { $asked } right{ $unsure ->
        [0] .
        [one] , and once you said you would check first.
       *[other] , and { $unsure } times you said you would check first.
    }
# When some answers were "check first": $named calls named as a scam or a
# real call, $right of them right.
check-you-named = You chose a scam or a real call { $named } times, and got { $right } right.
check-ask-again = Now practise some calls. Later, we will offer the check again, so you can compare.
check-better = You got more right this time. Well done.
check-same = The same as before. Practice keeps it fresh.
check-worse = Some calls are hard to tell apart. The safe step is the same: hang up, and call back on a number you trust.
# $n: how many times the learner chose "Not sure: I would check first".
check-unsure =
    { $n ->
        [one] Once, you said you would check first. That is always safe.
       *[other] { $n } times, you said you would check first. That is always safe.
    }

## How a new contact arrives at a step (narration). $from: the caller ID or sender, from the call.
arrival-call = Your phone rings.
arrival-call-from = Your phone rings. The screen shows: { $from }.
arrival-text = A text message arrives.
arrival-text-from = A text message arrives from { $from }.
arrival-email = An email arrives.
arrival-email-from = An email arrives from { $from }.
arrival-voice-note = A voice note arrives.
arrival-voice-note-from = A voice note arrives from { $from }.
arrival-face-to-face = You are talking face to face.
arrival-face-to-face-from = You are face to face with { $from }.

## The words before a line in a transcript. $who: a name from the call.
label-says = { $who } says:
label-you-think = You think:
label-message = A message arrives:
# The replay's line for a choice the call gives no recap. $text: the choice's words.
recap-you-chose = You chose: { $text }
