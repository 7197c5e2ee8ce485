<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Screenpop for SuperOffice</source>
        <translation>Screenpop til SuperOffice</translation>
    </message>
    <message>
        <source>The caller&apos;s SuperOffice contact summary, the moment the phone rings.</source>
        <translation>Opkalderens oversigt fra SuperOffice i det øjeblik, telefonen ringer.</translation>
    </message>
    <message>
        <source>About Screenpop</source>
        <translation>Om Screenpop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add to SuperOffice</source>
        <translation>Tilføj i SuperOffice</translation>
    </message>
    <message>
        <source>Type to find the company</source>
        <translation>Skriv for at finde firmaet</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Arbejdstelefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Open in SuperOffice</source>
        <translation>Åbn i SuperOffice</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>File as</source>
        <translation>Gem som</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Tilføjer…</translation>
    </message>
    <message>
        <source>Give the caller&apos;s first or last name.</source>
        <translation>Angiv opkalderens fornavn eller efternavn.</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s company from the list.</source>
        <translation>Vælg opkalderens firma på listen.</translation>
    </message>
    <message>
        <source>This is not a phone number SuperOffice can store (+47 22 33 44 55).</source>
        <translation>Dette er ikke et telefonnummer, SuperOffice kan gemme (+47 22 33 44 55).</translation>
    </message>
</context>
<context>
    <name>CallLogging</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Outgoing call to %1 (%2)</source>
        <translation>Udgående opkald til %1 (%2)</translation>
    </message>
    <message>
        <source>Outgoing call to %1, not answered</source>
        <translation>Udgående opkald til %1, ikke besvaret</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2)</source>
        <translation>Indgående opkald fra %1 (%2)</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Ubesvaret opkald fra %1</translation>
    </message>
    <message>
        <source>%1; its end was not reported</source>
        <translation>%1; afslutningen blev ikke meldt</translation>
    </message>
    <message>
        <source>Note on the call with %1</source>
        <translation>Note til opkaldet med %1</translation>
    </message>
</context>
<context>
    <name>CallNoteEditor</name>
    <message>
        <source>The note goes into SuperOffice with the call.</source>
        <translation>Noten kommer ind i SuperOffice med opkaldet.</translation>
    </message>
    <message>
        <source>Not logged yet.</source>
        <translation>Ikke logget endnu.</translation>
    </message>
    <message>
        <source>Waiting to be logged in SuperOffice…</source>
        <translation>Venter på at blive logget i SuperOffice…</translation>
    </message>
    <message>
        <source>Logged in SuperOffice.</source>
        <translation>Logget i SuperOffice.</translation>
    </message>
    <message>
        <source>SuperOffice did not take it: %1</source>
        <translation>SuperOffice tog ikke imod det: %1</translation>
    </message>
    <message>
        <source>Not logged.</source>
        <translation>Ikke logget.</translation>
    </message>
    <message>
        <source>Note for SuperOffice…</source>
        <translation>Note til SuperOffice…</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Log opkaldet</translation>
    </message>
    <message>
        <source>Log this call in SuperOffice, with the note</source>
        <translation>Log dette opkald i SuperOffice, med noten</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Tilføj en note</translation>
    </message>
    <message>
        <source>Notes keep %1 characters; the rest was left out.</source>
        <translation>Noter beholder %1 tegn; resten blev udeladt.</translation>
    </message>
</context>
<context>
    <name>CallServices</name>
    <message>
        <source>Call logs waiting: %1</source>
        <translation>Opkaldslogge der venter: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>afvist: %1</translation>
    </message>
    <message>
        <source>not logged yet: %1</source>
        <translation>ikke logget endnu: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>login kræves</translation>
    </message>
    <message>
        <source>SuperOffice cannot be reached</source>
        <translation>SuperOffice kan ikke nås</translation>
    </message>
    <message>
        <source>Call logging</source>
        <translation>Opkaldslogning</translation>
    </message>
    <message>
        <source>Cannot call %1</source>
        <translation>Kan ikke ringe til %1</translation>
    </message>
</context>
<context>
    <name>CallToast</name>
    <message>
        <source>Ringing…</source>
        <translation>Ringer…</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvaret</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Ubesvaret opkald</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Luk alle</translation>
    </message>
    <message>
        <source>Dismiss every pop</source>
        <translation>Luk alle pop op-vinduer</translation>
    </message>
    <message>
        <source>Call from %1 — Screenpop</source>
        <translation>Opkald fra %1 — Screenpop</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Åbn kontakten</translation>
    </message>
    <message numerus="yes">
        <source>%n possible caller(s)</source>
        <translation>
            <numerusform>%n mulig opkalder</numerusform>
            <numerusform>%n mulige opkaldere</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Ukendt opkalder</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Søg…</translation>
    </message>
    <message>
        <source>Search the contacts for this number</source>
        <translation>Søg efter nummeret blandt kontakterne</translation>
    </message>
    <message>
        <source>Looking up in SuperOffice…</source>
        <translation>Slår op i SuperOffice…</translation>
    </message>
    <message>
        <source>Not found in SuperOffice</source>
        <translation>Ikke fundet i SuperOffice</translation>
    </message>
    <message>
        <source>Could not look up: %1</source>
        <translation>Kunne ikke slå op: %1</translation>
    </message>
    <message>
        <source>Add to SuperOffice…</source>
        <translation>Tilføj i SuperOffice…</translation>
    </message>
    <message>
        <source>Add this caller to SuperOffice as a new person</source>
        <translation>Tilføj opkalderen i SuperOffice som en ny person</translation>
    </message>
</context>
<context>
    <name>CallerPicker</name>
    <message>
        <source>The people this number belongs to</source>
        <translation>De personer, nummeret tilhører</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Hvem ringede?</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <source>Main number</source>
        <translation>Hovednummer</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message numerus="yes">
        <source>Filter %n people</source>
        <translation>
            <numerusform>Filtrer %n person</numerusform>
            <numerusform>Filtrer %n personer</numerusform>
        </translation>
    </message>
    <message>
        <source>No one by that name</source>
        <translation>Ingen med det navn</translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Websted</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>CVR-nr.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Our contact</source>
        <translation>Vores kontakt</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Opkalder</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Ring til dette nummer</translation>
    </message>
</context>
<context>
    <name>ContactWindow</name>
    <message>
        <source>Showing the summary as it was last loaded; Retry to update it.</source>
        <translation>Viser oversigten, som den sidst blev indlæst; Prøv igen opdaterer den.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>Company details unavailable</source>
        <translation>Firmaoplysningerne er ikke tilgængelige</translation>
    </message>
    <message numerus="yes">
        <source>· %n item(s) could not be read</source>
        <translation>
            <numerusform>· %n element kunne ikke læses</numerusform>
            <numerusform>· %n elementer kunne ikke læses</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Firma %1</translation>
    </message>
    <message>
        <source>Updated %1 · refreshing…</source>
        <translation>Opdateret %1 · opdaterer…</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Senest opdateret %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Opdateret %1</translation>
    </message>
</context>
<context>
    <name>ContactWindows</name>
    <message>
        <source>SuperOffice has no contact %1: it may have been deleted or merged.</source>
        <translation>SuperOffice har ikke firma %1: det kan være slettet eller flettet med et andet.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Type a name or number</source>
        <translation>Skriv et navn eller nummer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Ingen resultater</translation>
    </message>
    <message>
        <source>Search is not available right now</source>
        <translation>Søgning er ikke tilgængelig lige nu</translation>
    </message>
    <message>
        <source>Find contact — Screenpop</source>
        <translation>Find kontakt — Screenpop</translation>
    </message>
    <message>
        <source>Name, company or phone number</source>
        <translation>Navn, firma eller telefonnummer</translation>
    </message>
    <message>
        <source>Call the chosen number (Ctrl+Enter)</source>
        <translation>Ring til det valgte nummer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Ring til %1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Screenpop</source>
        <translation>Velkommen til Screenpop</translation>
    </message>
    <message>
        <source>When the phone rings, Screenpop shows who is calling, with their company&apos;s tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice is and how you sign in.</source>
        <translation>Når telefonen ringer, viser Screenpop, hvem der ringer, med firmaets sager, opfølgninger og salg fra SuperOffice. Angiv, hvor dit SuperOffice er, og hvordan du logger ind.</translation>
    </message>
    <message>
        <source>Try the demo instead</source>
        <translation>Prøv demoen i stedet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no system tray on this desktop, so Screenpop shows this window instead. It keeps running when the window is closed: start Screenpop again to bring it back.</source>
        <translation>Dette skrivebord har intet meddelelsesområde, så Screenpop viser dette vindue i stedet. Screenpop kører videre, når vinduet lukkes: start Screenpop igen for at få det tilbage.</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Find kontakt…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nu</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Seneste opkald</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Indstillinger…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Syncing caller IDs…</source>
        <translation>Synkroniserer telefonnumre…</translation>
    </message>
    <message>
        <source>Offline: cached caller IDs still work</source>
        <translation>Offline: gemte telefonnumre virker stadig</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Login påkrævet</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Venter på at blive sendt</translation>
    </message>
    <message>
        <source>Not logged yet</source>
        <translation>Ikke logget endnu</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Afvist: %1</translation>
    </message>
    <message>
        <source>Sent; a newer note is on its way</source>
        <translation>Sendt; en nyere note er på vej</translation>
    </message>
    <message>
        <source>Call logs — Screenpop</source>
        <translation>Opkaldslogge — Screenpop</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>No call logs are waiting.</source>
        <translation>Ingen opkaldslogge venter.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
    <message>
        <source>Do not log this call in SuperOffice</source>
        <translation>Log ikke dette opkald i SuperOffice</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <source>As the system says (%1)</source>
        <translation>Som i systemet (%1)</translation>
    </message>
</context>
<context>
    <name>ScreenpopApp</name>
    <message>
        <source>Sign-in</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Login mislykkedes</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When it rings</source>
        <translation>Når det ringer</translation>
    </message>
    <message>
        <source>When I answer</source>
        <translation>Når jeg svarer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>Screenpop settings</source>
        <translation>Indstillinger for Screenpop</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Forbindelse</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Settings shown greyed out are set by your administrator.</source>
        <translation>Indstillinger, der er nedtonede, fastsættes af din administrator.</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Ingen: kun systemets certifikater</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>Firmaets CA-fil</translation>
    </message>
    <message>
        <source>Only needed behind a proxy that inspects TLS: your company&apos;s CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Kun nødvendig bag en proxy, der inspicerer TLS: firmaets CA-certifikat (PEM), som der stoles på ud over systemets.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Intet</translation>
    </message>
    <message>
        <source>The digits your phone system puts before outside numbers, such as 0 or 9</source>
        <translation>De cifre, telefonsystemet sætter foran eksterne numre, for eksempel 0 eller 9</translation>
    </message>
    <message>
        <source>Open the caller&apos;s company by itself</source>
        <translation>Åbn opkalderens firma automatisk</translation>
    </message>
    <message>
        <source>Do not disturb (no pops; calls are still listed)</source>
        <translation>Forstyr ikke (ingen pop op-vinduer; opkald vises stadig på listen)</translation>
    </message>
    <message>
        <source>Look up callers the cache does not know in SuperOffice</source>
        <translation>Slå opkaldere, som cachen ikke kender, op i SuperOffice</translation>
    </message>
    <message>
        <source> s without news</source>
        <translation> s uden nyt</translation>
    </message>
    <message>
        <source>A ringing pop leaves after this when the phone says nothing more</source>
        <translation>Et ringende pop op-vindue forsvinder efter så lang tid, når telefonen ikke siger mere</translation>
    </message>
    <message>
        <source> items per list</source>
        <translation> elementer pr. liste</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Outside-line prefix</source>
        <translation>Præfiks for ekstern linje</translation>
    </message>
    <message>
        <source>Show a pop</source>
        <translation>Vis pop op-vindue</translation>
    </message>
    <message>
        <source>A ringing pop leaves</source>
        <translation>Et ringende pop op-vindue forsvinder</translation>
    </message>
    <message>
        <source>Contact window</source>
        <translation>Kontaktvindue</translation>
    </message>
    <message>
        <source>Off (for example 127.0.0.1:4444)</source>
        <translation>Fra (for eksempel 127.0.0.1:4444)</translation>
    </message>
    <message>
        <source>Allow a baresip on another computer</source>
        <translation>Tillad baresip på en anden computer</translation>
    </message>
    <message>
        <source>baresip address</source>
        <translation>baresip-adresse</translation>
    </message>
    <message>
        <source>Screenpop follows the calls of the baresip softphone through its ctrl_tcp module (HOST:PORT). Other softphones run “screenpop call” instead: see the README.</source>
        <translation>Screenpop følger opkaldene i softphonen baresip via modulet ctrl_tcp (HOST:PORT). Andre softphones kører »screenpop call« i stedet: se README.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Som i systemet (%1)</translation>
    </message>
    <message>
        <source>Register tel: and sip: links</source>
        <translation>Registrer tel:- og sip:-links</translation>
    </message>
    <message>
        <source>Open tel:, callto: and sip: links on this computer with Screenpop</source>
        <translation>Åbn tel:-, callto:- og sip:-links på denne computer med Screenpop</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>The tray menu and new windows show a new language at once.</source>
        <translation>Menuen i meddelelsesområdet og nye vinduer viser et nyt sprog med det samme.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>This file is not a certificate Screenpop can use (PEM).</source>
        <translation>Filen er ikke et certifikat, som Screenpop kan bruge (PEM).</translation>
    </message>
    <message>
        <source>Not an address such as 127.0.0.1:4444 (HOST:PORT).</source>
        <translation>Ikke en adresse som 127.0.0.1:4444 (HOST:PORT).</translation>
    </message>
    <message>
        <source>This is another computer: tick “Allow a baresip on another computer” to use it.</source>
        <translation>Dette er en anden computer: sæt hak ved »Tillad baresip på en anden computer« for at bruge den.</translation>
    </message>
    <message>
        <source>Company CA certificate</source>
        <translation>Firmaets CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Ask after each call</source>
        <translation>Spørg efter hvert opkald</translation>
    </message>
    <message>
        <source>Answered calls</source>
        <translation>Besvarede opkald</translation>
    </message>
    <message>
        <source>All calls, missed ones too</source>
        <translation>Alle opkald, også ubesvarede</translation>
    </message>
    <message>
        <source>Phone call (SuperOffice&apos;s own)</source>
        <translation>Telefonopkald (SuperOffices eget)</translation>
    </message>
    <message>
        <source>The task logged calls get, from SuperOffice&apos;s list</source>
        <translation>Opgaven loggede opkald får, fra SuperOffices liste</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Log calls in SuperOffice</source>
        <translation>Log opkald i SuperOffice</translation>
    </message>
    <message>
        <source>Task for logged calls</source>
        <translation>Opgave for loggede opkald</translation>
    </message>
    <message>
        <source>Loading SuperOffice&apos;s task list…</source>
        <translation>Indlæser SuperOffices opgaveliste…</translation>
    </message>
    <message>
        <source>SuperOffice&apos;s task list could not be loaded: %1</source>
        <translation>SuperOffices opgaveliste kunne ikke indlæses: %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Numbers without a country code are read as from here.</source>
        <translation>Numre uden landekode læses som numre herfra.</translation>
    </message>
    <message>
        <source>Start Screenpop when I log in</source>
        <translation>Start Screenpop, når jeg logger ind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Signing in: finish in your browser…</source>
        <translation>Logger ind: afslut i din browser…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Login mislykkedes: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Logget ind.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Set by your administrator</source>
        <translation>Fastsat af din administrator</translation>
    </message>
    <message>
        <source>SuperOffice Online (browser)</source>
        <translation>SuperOffice Online (browser)</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Brugernavn og adgangskode</translation>
    </message>
    <message>
        <source>SOTicket</source>
        <translation>SOTicket</translation>
    </message>
    <message>
        <source>Production (online)</source>
        <translation>Produktion (online)</translation>
    </message>
    <message>
        <source>Development (sod)</source>
        <translation>Udvikling (sod)</translation>
    </message>
    <message>
        <source>Stage (qaonline)</source>
        <translation>Stage (qaonline)</translation>
    </message>
    <message>
        <source>Paste the address you open SuperOffice with in the browser, or just your customer id (Cust12345).</source>
        <translation>Indsæt adressen, du åbner SuperOffice med i browseren, eller blot dit kunde-id (Cust12345).</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Lad feltet stå tomt for at beholde det gemte</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Gemmes i systemets nøglering, aldrig i indstillingsfilen.</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Fra din administrator</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Log ind…</translation>
    </message>
    <message>
        <source>SuperOffice address</source>
        <translation>SuperOffice-adresse</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljø</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Log ind med</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Klient-id</translation>
    </message>
    <message>
        <source>Enter the address of your SuperOffice.</source>
        <translation>Angiv adressen på dit SuperOffice.</translation>
    </message>
    <message>
        <source>This is not a SuperOffice address. Paste the address you open SuperOffice with, such as https://online.superoffice.com/Cust12345, or your customer id.</source>
        <translation>Dette er ikke en SuperOffice-adresse. Indsæt adressen, du åbner SuperOffice med, for eksempel https://online.superoffice.com/Cust12345, eller dit kunde-id.</translation>
    </message>
    <message>
        <source>SuperOffice Online addresses end in your customer id, such as https://online.superoffice.com/Cust12345.</source>
        <translation>Adresser til SuperOffice Online slutter med dit kunde-id, for eksempel https://online.superoffice.com/Cust12345.</translation>
    </message>
    <message>
        <source>Enter your SuperOffice user name.</source>
        <translation>Angiv dit brugernavn i SuperOffice.</translation>
    </message>
    <message>
        <source>Enter the client id your administrator gave you.</source>
        <translation>Angiv det klient-id, du har fået af din administrator.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Loading</source>
        <translation>Indlæser</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Show more</source>
        <translation>Vis flere</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Indlæser flere…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 af %3)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Do not disturb</source>
        <translation>Forstyr ikke</translation>
    </message>
    <message>
        <source>Sync now — syncing…</source>
        <translation>Synkroniser nu — synkroniserer…</translation>
    </message>
    <message>
        <source>Sync now — not synced yet</source>
        <translation>Synkroniser nu — ikke synkroniseret endnu</translation>
    </message>
    <message>
        <source>Sync now — last synced %1</source>
        <translation>Synkroniser nu — senest synkroniseret %1</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Find kontakt…</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Seneste opkald</translation>
    </message>
    <message>
        <source>Simulate a call</source>
        <translation>Simuler et opkald</translation>
    </message>
    <message>
        <source>Sign in to SuperOffice…</source>
        <translation>Log ind i SuperOffice…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Indstillinger…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>om %n minut</numerusform>
            <numerusform>om %n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>for %n minut siden</numerusform>
            <numerusform>for %n minutter siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>om %n time</numerusform>
            <numerusform>om %n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>for %n time siden</numerusform>
            <numerusform>for %n timer siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>for %n dag siden</numerusform>
            <numerusform>for %n dage siden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SalesFooter</name>
    <message numerus="yes">
        <source>%n open sale(s), total %1 in base currency</source>
        <translation>
            <numerusform>%n åbent salg, i alt %1 i basisvaluta</numerusform>
            <numerusform>%n åbne salg, i alt %1 i basisvaluta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recent_calls</name>
    <message>
        <source>No calls yet</source>
        <translation>Ingen opkald endnu</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Ukendt opkalder</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvaret</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Ubesvaret</translation>
    </message>
    <message>
        <source>Answered call, %1: open the contact</source>
        <translation>Besvaret opkald, %1: åbn kontakten</translation>
    </message>
    <message>
        <source>Answered call, %1: search for the number</source>
        <translation>Besvaret opkald, %1: søg efter nummeret</translation>
    </message>
    <message>
        <source>Missed call, %1: open the contact</source>
        <translation>Ubesvaret opkald, %1: åbn kontakten</translation>
    </message>
    <message>
        <source>Missed call, %1: search for the number</source>
        <translation>Ubesvaret opkald, %1: søg efter nummeret</translation>
    </message>
</context>
<context>
    <name>summary_tables</name>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Solgt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Udsat</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Tabt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Sammenlagt</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Sager</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>Ingen sager</translation>
    </message>
    <message>
        <source>No tickets match “%1”</source>
        <translation>Ingen sager passer til »%1«</translation>
    </message>
    <message>
        <source>Could not load the tickets</source>
        <translation>Sagerne kunne ikke indlæses</translation>
    </message>
    <message>
        <source>Fetch more tickets from SuperOffice</source>
        <translation>Hent flere sager fra SuperOffice</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registreret</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>No follow-ups</source>
        <translation>Ingen opfølgninger</translation>
    </message>
    <message>
        <source>No follow-ups match “%1”</source>
        <translation>Ingen opfølgninger passer til »%1«</translation>
    </message>
    <message>
        <source>Could not load the follow-ups</source>
        <translation>Opfølgningerne kunne ikke indlæses</translation>
    </message>
    <message>
        <source>Fetch more follow-ups from SuperOffice</source>
        <translation>Hent flere opfølgninger fra SuperOffice</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Ingen dokumenter</translation>
    </message>
    <message>
        <source>No documents match “%1”</source>
        <translation>Ingen dokumenter passer til »%1«</translation>
    </message>
    <message>
        <source>Could not load the documents</source>
        <translation>Dokumenterne kunne ikke indlæses</translation>
    </message>
    <message>
        <source>Fetch more documents from SuperOffice</source>
        <translation>Hent flere dokumenter fra SuperOffice</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Ingen salg</translation>
    </message>
    <message>
        <source>No sales match “%1”</source>
        <translation>Ingen salg passer til »%1«</translation>
    </message>
    <message>
        <source>Could not load the sales</source>
        <translation>Salgene kunne ikke indlæses</translation>
    </message>
    <message>
        <source>Fetch more sales from SuperOffice</source>
        <translation>Hent flere salg fra SuperOffice</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Sandsynlighed</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløb</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>No chats</source>
        <translation>Ingen chats</translation>
    </message>
    <message>
        <source>No chats match “%1”</source>
        <translation>Ingen chats passer til »%1«</translation>
    </message>
    <message>
        <source>Could not load the chats</source>
        <translation>Chattene kunne ikke indlæses</translation>
    </message>
    <message>
        <source>Fetch more chats from SuperOffice</source>
        <translation>Hent flere chats fra SuperOffice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Første besked</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Anmodet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Exact number</source>
        <translation>Præcist nummer</translation>
    </message>
    <message>
        <source>Same national number</source>
        <translation>Samme nationale nummer</translation>
    </message>
    <message>
        <source>Last digits match</source>
        <translation>De sidste cifre passer</translation>
    </message>
    <message>
        <source>Found in SuperOffice</source>
        <translation>Fundet i SuperOffice</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>lige nu</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>i går %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>i morgen %1</translation>
    </message>
</context>
</TS>
