# English messages for "If immigration agents come to your home" (content/at-the-door.md).

door-title = If immigration agents come to your home
door-intro =
    Immigration agents (ICE) may come to your home. You have rights, **whatever your immigration status**.

    Stay calm. Keep the door closed. You decide if you open it.
door-steps-heading = What to do at the door
door-step-closed = **Do not open the door.** You can talk to the agents through the closed door.
door-step-ask = Ask who they are and why they are there.
door-step-warrant = Ask them to **slide the warrant under the door** or show it through a window.
door-step-card = If you have a red card, slide it under the door.
door-warrant-heading = Check the warrant
door-warrant-body =
    Agents can enter your home without your permission only if they have a **warrant signed by a judge**. Look for the name of a court at the top, the signature of a judge or magistrate, and your correct name and address.

    An ICE warrant signed by an immigration officer, on form **I-200** or **I-205**, is **not** a warrant signed by a judge. It does **not** allow the agents to enter your home unless you agree.

    If the warrant is not signed by a judge, keep the door closed and say: "I do not give you permission to enter my home."

    If the warrant is signed by a judge, the agents may enter. Do not resist. Stay silent and ask to speak to a lawyer.
door-rights-heading = Your rights
door-right-silent = **You have the right to remain silent.** You do not have to answer questions about where you were born, your immigration status, or how you came to the United States. Say out loud: "I want to remain silent."
door-right-no-lie = **Do not lie** and do not show false documents.
door-right-no-sign = **Do not sign anything** before you talk to a lawyer. Some papers can take away your chance to see a judge.
door-right-lawyer = **You have the right to talk to a lawyer.** If you are arrested, say: "I want to speak to a lawyer."
door-enter-heading = If the agents come in anyway
door-enter-body =
    Say clearly: "I do not consent to you entering my home. I do not consent to a search."

    Do not fight or push the agents, and do not run, even if you think they are breaking the rules. Stay silent.

    You can complain later. A lawyer can help you.
door-after-heading = Write down what happened
door-after-body =
    As soon as you can, write down:

    - the names and badge numbers of the agents
    - which agency they were from, for example ICE or police
    - the date and time, and what the agents said and did
    - the names and phone numbers of any witnesses

    If it is safe, take photos of anything that was damaged.
door-call = Call { $organization } at { $hotline } for free legal help.
