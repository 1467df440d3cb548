# How a call ended, in words (never colour alone), for scams and for real calls.
outcome-scam-safe = Fe wnaethoch chi aros yn ddiogel.
outcome-scam-partly-safe = Yn rhannol ddiogel.
outcome-scam-defrauded = Fe gafodd y galwr beth roedd e eisiau.
outcome-genuine-safe = Galwad go iawn oedd hi, ac fe wnaethoch chi aros yn ddiogel.
outcome-genuine-partly-safe = Roeddech chi'n ddiogel, a gallech chi wirio'r tro nesaf.
outcome-genuine-defrauded = Aeth yr alwad hon o chwith.
# $source: who warned and when, e.g. "Hertfordshire Constabulary, September 2024".
based-on-warning = Yn seiliedig ar rybudd gan { $source }.
