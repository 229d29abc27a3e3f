# English messages for the "red card" (content/red-card.md).

card-title = Know your rights: red card
card-intro =
    Everyone in the United States has rights under the U.S. Constitution, **whatever their immigration status**.

    Use this card to protect yourself if immigration agents come to your home.
card-steps-heading = What to do
card-keep = **Keep this card with you** at all times.
card-door = If immigration agents come to your door, **do not open the door**.
card-show = **Slide this card under the door** or show it through a window. The English statement on this card tells the agents that you are using your rights.
card-silent = **Stay silent.** You do not have to answer questions. Do not lie.
card-sign = **Do not sign anything** before you talk to a lawyer.
card-call = Call { $organization } at { $hotline } for free legal help.
card-officer-heading = Statement for the officer (in English)
card-officer-intro = Show this part to the agents. You do not have to say anything.
