# English messages for "Help and rights in a city shelter" (content/in-the-shelter.md).

shelter-title = Help and rights in a city shelter
shelter-intro =
    Many cities give shelter and help to people who have just arrived in the United States. This page explains help you may be able to get.

    Rules are different in each city, and they can change. Ask shelter staff or a legal helper about the rules where you live.
shelter-basics-heading = Shelter and food
shelter-basics-body =
    In many cities, people who have nowhere to sleep can ask the city for shelter. Shelters give you a safe place to sleep, and most give meals or food.

    Ask the staff about the rules: when you must be back at night, how long you can stay, and what to do if you have to move. In some cities, new arrivals can stay only for a limited time.

    Keep your important papers, like your passport and immigration papers, in a safe place. Keep copies, or photos on your phone.
shelter-health-heading = Medical care
shelter-health-body =
    If you are very sick or badly hurt, call 911 or go to a hospital emergency room.

    A hospital emergency room must check you and treat an emergency, even if you cannot pay, **whatever your immigration status**.

    Many cities have public hospitals and community clinics that treat people whatever their immigration status, often for a low cost or for free. Ask shelter staff where to go.
shelter-language-heading = Help in your language
shelter-language-body =
    You can ask for an interpreter. Hospitals and many government offices must give you language help **for free**. Say the name of your language and ask for an interpreter.

    At immigration court, the court gives you a free interpreter for your hearing.
shelter-legal-heading = Free legal help
shelter-legal-body =
    Many organizations give **free legal help** to immigrants. A lawyer can tell you if you can ask for asylum or another kind of protection.

    Do not wait. In most cases, you must apply for asylum **within one year** after you arrive in the United States.

    Only a **lawyer** or an **accredited representative** who works for an organization approved by the U.S. Department of Justice can give you legal advice about immigration.
shelter-court-heading = Court dates and your address
shelter-court-body =
    Always **go to every immigration court hearing** and every ICE appointment. If you miss a court hearing, the judge can order you to be deported.

    When you move, tell the immigration court and USCIS your new address right away. If you do not, you may not get important letters about your case.
shelter-fraud-heading = Protect yourself from fraud
shelter-fraud-body =
    Some people pretend they can help with immigration papers and take your money.

    - Never pay a *notario*, "immigration consultant" or travel agent for legal help. In the United States, a notary is **not** a lawyer.
    - Do not sign forms that are blank, that you do not understand, or that have false information.
    - Keep a copy of everything you sign or send. Get a receipt for every payment.
    - Government immigration forms are free to download at [uscis.gov](https://www.uscis.gov).
shelter-school-heading = School for children
shelter-school-body =
    All children in the United States have the right to go to **free public school**, whatever their immigration status or their parents' status. A school cannot turn your child away because of immigration status.

    Children who live in a shelter can usually start school right away, even if they do not have all their papers, like school records or vaccine records. Ask shelter staff or the school for help.
shelter-call = Questions? Call { $organization } at { $hotline } for free legal help.
