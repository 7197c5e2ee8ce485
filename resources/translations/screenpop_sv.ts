<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Screenpop for SuperOffice</source>
        <translation>Screenpop för SuperOffice</translation>
    </message>
    <message>
        <source>The caller&apos;s SuperOffice contact summary, the moment the phone rings.</source>
        <translation>Uppringarens sammanfattning från SuperOffice i samma ögonblick som telefonen ringer.</translation>
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
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add to SuperOffice</source>
        <translation>Lägg till i SuperOffice</translation>
    </message>
    <message>
        <source>Type to find the company</source>
        <translation>Skriv för att hitta företaget</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>Arbetstelefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Open in SuperOffice</source>
        <translation>Öppna i SuperOffice</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>File as</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Lägger till…</translation>
    </message>
    <message>
        <source>Give the caller&apos;s first or last name.</source>
        <translation>Ange uppringarens förnamn eller efternamn.</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s company from the list.</source>
        <translation>Välj uppringarens företag i listan.</translation>
    </message>
    <message>
        <source>This is not a phone number SuperOffice can store (+47 22 33 44 55).</source>
        <translation>Det här är inget telefonnummer som SuperOffice kan spara (+47 22 33 44 55).</translation>
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
        <translation>Utgående samtal till %1 (%2)</translation>
    </message>
    <message>
        <source>Outgoing call to %1, not answered</source>
        <translation>Utgående samtal till %1, inte besvarat</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2)</source>
        <translation>Inkommande samtal från %1 (%2)</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Missat samtal från %1</translation>
    </message>
    <message>
        <source>%1; its end was not reported</source>
        <translation>%1; slutet rapporterades inte</translation>
    </message>
    <message>
        <source>Note on the call with %1</source>
        <translation>Anteckning om samtalet med %1</translation>
    </message>
</context>
<context>
    <name>CallNoteEditor</name>
    <message>
        <source>The note goes into SuperOffice with the call.</source>
        <translation>Anteckningen kommer in i SuperOffice med samtalet.</translation>
    </message>
    <message>
        <source>Not logged yet.</source>
        <translation>Inte loggat ännu.</translation>
    </message>
    <message>
        <source>Waiting to be logged in SuperOffice…</source>
        <translation>Väntar på att loggas i SuperOffice…</translation>
    </message>
    <message>
        <source>Logged in SuperOffice.</source>
        <translation>Loggat i SuperOffice.</translation>
    </message>
    <message>
        <source>SuperOffice did not take it: %1</source>
        <translation>SuperOffice tog inte emot det: %1</translation>
    </message>
    <message>
        <source>Not logged.</source>
        <translation>Inte loggat.</translation>
    </message>
    <message>
        <source>Note for SuperOffice…</source>
        <translation>Anteckning för SuperOffice…</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Logga samtalet</translation>
    </message>
    <message>
        <source>Log this call in SuperOffice, with the note</source>
        <translation>Logga det här samtalet i SuperOffice, med anteckningen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Lägg till anteckning</translation>
    </message>
    <message>
        <source>Notes keep %1 characters; the rest was left out.</source>
        <translation>Anteckningar behåller %1 tecken; resten utelämnades.</translation>
    </message>
</context>
<context>
    <name>CallServices</name>
    <message>
        <source>Call logs waiting: %1</source>
        <translation>Samtalsloggar som väntar: %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>avvisade: %1</translation>
    </message>
    <message>
        <source>not logged yet: %1</source>
        <translation>inte loggade ännu: %1</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>inloggning krävs</translation>
    </message>
    <message>
        <source>SuperOffice cannot be reached</source>
        <translation>SuperOffice kan inte nås</translation>
    </message>
    <message>
        <source>Call logging</source>
        <translation>Samtalsloggning</translation>
    </message>
    <message>
        <source>Cannot call %1</source>
        <translation>Kan inte ringa %1</translation>
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
        <translation>Besvarat</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Missat samtal</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Stäng alla</translation>
    </message>
    <message>
        <source>Dismiss every pop</source>
        <translation>Stäng alla popup-fönster</translation>
    </message>
    <message>
        <source>Call from %1 — Screenpop</source>
        <translation>Samtal från %1 — Screenpop</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Öppna kontakten</translation>
    </message>
    <message numerus="yes">
        <source>%n possible caller(s)</source>
        <translation>
            <numerusform>%n möjlig uppringare</numerusform>
            <numerusform>%n möjliga uppringare</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Sök…</translation>
    </message>
    <message>
        <source>Search the contacts for this number</source>
        <translation>Sök efter numret bland kontakterna</translation>
    </message>
    <message>
        <source>Looking up in SuperOffice…</source>
        <translation>Slår upp i SuperOffice…</translation>
    </message>
    <message>
        <source>Not found in SuperOffice</source>
        <translation>Hittades inte i SuperOffice</translation>
    </message>
    <message>
        <source>Could not look up: %1</source>
        <translation>Kunde inte slå upp: %1</translation>
    </message>
    <message>
        <source>Add to SuperOffice…</source>
        <translation>Lägg till i SuperOffice…</translation>
    </message>
    <message>
        <source>Add this caller to SuperOffice as a new person</source>
        <translation>Lägg till uppringaren i SuperOffice som en ny person</translation>
    </message>
</context>
<context>
    <name>CallerPicker</name>
    <message>
        <source>The people this number belongs to</source>
        <translation>Personerna som numret tillhör</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Vem ringde?</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <source>Main number</source>
        <translation>Huvudnummer</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message numerus="yes">
        <source>Filter %n people</source>
        <translation>
            <numerusform>Filtrera %n person</numerusform>
            <numerusform>Filtrera %n personer</numerusform>
        </translation>
    </message>
    <message>
        <source>No one by that name</source>
        <translation>Ingen med det namnet</translation>
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
        <translation>E-post</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nr</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Our contact</source>
        <translation>Vår kontakt</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Ring det här numret</translation>
    </message>
</context>
<context>
    <name>ContactWindow</name>
    <message>
        <source>Showing the summary as it was last loaded; Retry to update it.</source>
        <translation>Visar sammanfattningen som den senast lästes in; Försök igen uppdaterar den.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrera (Ctrl+F)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Company details unavailable</source>
        <translation>Företagsuppgifterna är inte tillgängliga</translation>
    </message>
    <message numerus="yes">
        <source>· %n item(s) could not be read</source>
        <translation>
            <numerusform>· %n post kunde inte läsas</numerusform>
            <numerusform>· %n poster kunde inte läsas</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Företag %1</translation>
    </message>
    <message>
        <source>Updated %1 · refreshing…</source>
        <translation>Uppdaterad %1 · uppdaterar…</translation>
    </message>
    <message>
        <source>Last updated %1</source>
        <translation>Senast uppdaterad %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Uppdaterad %1</translation>
    </message>
</context>
<context>
    <name>ContactWindows</name>
    <message>
        <source>SuperOffice has no contact %1: it may have been deleted or merged.</source>
        <translation>SuperOffice har inget företag %1: det kan ha tagits bort eller slagits samman med ett annat.</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Type a name or number</source>
        <translation>Skriv ett namn eller nummer</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Inga träffar</translation>
    </message>
    <message>
        <source>Search is not available right now</source>
        <translation>Sökningen är inte tillgänglig just nu</translation>
    </message>
    <message>
        <source>Find contact — Screenpop</source>
        <translation>Hitta kontakt — Screenpop</translation>
    </message>
    <message>
        <source>Name, company or phone number</source>
        <translation>Namn, företag eller telefonnummer</translation>
    </message>
    <message>
        <source>Call the chosen number (Ctrl+Enter)</source>
        <translation>Ring det valda numret (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Ring %1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Screenpop</source>
        <translation>Välkommen till Screenpop</translation>
    </message>
    <message>
        <source>When the phone rings, Screenpop shows who is calling, with their company&apos;s tickets, follow-ups and sales from SuperOffice. Tell it where your SuperOffice is and how you sign in.</source>
        <translation>När telefonen ringer visar Screenpop vem som ringer, med företagets ärenden, uppföljningar och försäljningar från SuperOffice. Ange var ditt SuperOffice finns och hur du loggar in.</translation>
    </message>
    <message>
        <source>Try the demo instead</source>
        <translation>Prova demon i stället</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starta</translation>
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
        <translation>Kopiera</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>There is no system tray on this desktop, so Screenpop shows this window instead. It keeps running when the window is closed: start Screenpop again to bring it back.</source>
        <translation>Det här skrivbordet har inget meddelandefält, så Screenpop visar det här fönstret i stället. Screenpop fortsätter att köras när fönstret stängs: starta Screenpop igen för att få tillbaka det.</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Hitta kontakt…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisera nu</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Senaste samtal</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Syncing caller IDs…</source>
        <translation>Synkroniserar telefonnummer…</translation>
    </message>
    <message>
        <source>Offline: cached caller IDs still work</source>
        <translation>Offline: sparade telefonnummer fungerar fortfarande</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Inloggning krävs</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Väntar på att skickas</translation>
    </message>
    <message>
        <source>Not logged yet</source>
        <translation>Inte loggat ännu</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Avvisat: %1</translation>
    </message>
    <message>
        <source>Sent; a newer note is on its way</source>
        <translation>Skickat; en nyare anteckning är på väg</translation>
    </message>
    <message>
        <source>Call logs — Screenpop</source>
        <translation>Samtalsloggar — Screenpop</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logga</translation>
    </message>
    <message>
        <source>No call logs are waiting.</source>
        <translation>Inga samtalsloggar väntar.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Do not log this call in SuperOffice</source>
        <translation>Logga inte det här samtalet i SuperOffice</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
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
        <translation>Inloggning</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Inloggningen misslyckades</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Mjukvarutelefon</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>When it rings</source>
        <translation>När det ringer</translation>
    </message>
    <message>
        <source>When I answer</source>
        <translation>När jag svarar</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>Screenpop settings</source>
        <translation>Inställningar för Screenpop</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Anslutning</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>Settings shown greyed out are set by your administrator.</source>
        <translation>Inställningar som är nedtonade bestäms av administratören.</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Ingen: bara systemets certifikat</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Company CA file</source>
        <translation>Företagets CA-fil</translation>
    </message>
    <message>
        <source>Only needed behind a proxy that inspects TLS: your company&apos;s CA certificate (PEM), trusted besides the system&apos;s.</source>
        <translation>Behövs bara bakom en proxy som inspekterar TLS: företagets CA-certifikat (PEM), som litas på utöver systemets.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <source>The digits your phone system puts before outside numbers, such as 0 or 9</source>
        <translation>Siffrorna som växeln sätter före externa nummer, till exempel 0 eller 9</translation>
    </message>
    <message>
        <source>Open the caller&apos;s company by itself</source>
        <translation>Öppna uppringarens företag automatiskt</translation>
    </message>
    <message>
        <source>Do not disturb (no pops; calls are still listed)</source>
        <translation>Stör ej (inga popup-fönster; samtal listas fortfarande)</translation>
    </message>
    <message>
        <source>Look up callers the cache does not know in SuperOffice</source>
        <translation>Slå upp uppringare som cachen inte känner till i SuperOffice</translation>
    </message>
    <message>
        <source> s without news</source>
        <translation> s utan nytt</translation>
    </message>
    <message>
        <source>A ringing pop leaves after this when the phone says nothing more</source>
        <translation>Ett ringande popup-fönster försvinner efter så här lång tid när telefonen inte säger mer</translation>
    </message>
    <message>
        <source> items per list</source>
        <translation> poster per lista</translation>
    </message>
    <message>
        <source>Home region</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Outside-line prefix</source>
        <translation>Prefix för extern linje</translation>
    </message>
    <message>
        <source>Show a pop</source>
        <translation>Visa popup-fönster</translation>
    </message>
    <message>
        <source>A ringing pop leaves</source>
        <translation>Ett ringande popup-fönster försvinner</translation>
    </message>
    <message>
        <source>Contact window</source>
        <translation>Kontaktfönster</translation>
    </message>
    <message>
        <source>Off (for example 127.0.0.1:4444)</source>
        <translation>Av (till exempel 127.0.0.1:4444)</translation>
    </message>
    <message>
        <source>Allow a baresip on another computer</source>
        <translation>Tillåt baresip på en annan dator</translation>
    </message>
    <message>
        <source>baresip address</source>
        <translation>baresip-adress</translation>
    </message>
    <message>
        <source>Screenpop follows the calls of the baresip softphone through its ctrl_tcp module (HOST:PORT). Other softphones run “screenpop call” instead: see the README.</source>
        <translation>Screenpop följer samtalen i softphonen baresip via modulen ctrl_tcp (HOST:PORT). Andra softphones kör ”screenpop call” i stället: se README.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Som i systemet (%1)</translation>
    </message>
    <message>
        <source>Register tel: and sip: links</source>
        <translation>Registrera tel:- och sip:-länkar</translation>
    </message>
    <message>
        <source>Open tel:, callto: and sip: links on this computer with Screenpop</source>
        <translation>Öppna tel:-, callto:- och sip:-länkar på den här datorn med Screenpop</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The tray menu and new windows show a new language at once.</source>
        <translation>Menyn i meddelandefältet och nya fönster visar ett nytt språk direkt.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Länkar</translation>
    </message>
    <message>
        <source>This file is not a certificate Screenpop can use (PEM).</source>
        <translation>Filen är inte ett certifikat som Screenpop kan använda (PEM).</translation>
    </message>
    <message>
        <source>Not an address such as 127.0.0.1:4444 (HOST:PORT).</source>
        <translation>Inte en adress som 127.0.0.1:4444 (HOST:PORT).</translation>
    </message>
    <message>
        <source>This is another computer: tick “Allow a baresip on another computer” to use it.</source>
        <translation>Det här är en annan dator: markera ”Tillåt baresip på en annan dator” för att använda den.</translation>
    </message>
    <message>
        <source>Company CA certificate</source>
        <translation>Företagets CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikat (*.pem *.crt *.cer);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Ask after each call</source>
        <translation>Fråga efter varje samtal</translation>
    </message>
    <message>
        <source>Answered calls</source>
        <translation>Besvarade samtal</translation>
    </message>
    <message>
        <source>All calls, missed ones too</source>
        <translation>Alla samtal, även missade</translation>
    </message>
    <message>
        <source>Phone call (SuperOffice&apos;s own)</source>
        <translation>Telefonsamtal (SuperOffices eget)</translation>
    </message>
    <message>
        <source>The task logged calls get, from SuperOffice&apos;s list</source>
        <translation>Uppgiften som loggade samtal får, från SuperOffices lista</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Log calls in SuperOffice</source>
        <translation>Logga samtal i SuperOffice</translation>
    </message>
    <message>
        <source>Task for logged calls</source>
        <translation>Uppgift för loggade samtal</translation>
    </message>
    <message>
        <source>Loading SuperOffice&apos;s task list…</source>
        <translation>Läser in SuperOffices uppgiftslista…</translation>
    </message>
    <message>
        <source>SuperOffice&apos;s task list could not be loaded: %1</source>
        <translation>SuperOffices uppgiftslista kunde inte läsas in: %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Numbers without a country code are read as from here.</source>
        <translation>Nummer utan landsnummer tolkas som nummer härifrån.</translation>
    </message>
    <message>
        <source>Start Screenpop when I log in</source>
        <translation>Starta Screenpop när jag loggar in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Signing in: finish in your browser…</source>
        <translation>Loggar in: slutför i webbläsaren…</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Inloggningen misslyckades: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Inloggad.</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Set by your administrator</source>
        <translation>Bestämt av administratören</translation>
    </message>
    <message>
        <source>SuperOffice Online (browser)</source>
        <translation>SuperOffice Online (webbläsare)</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Användarnamn och lösenord</translation>
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
        <translation>Utveckling (sod)</translation>
    </message>
    <message>
        <source>Stage (qaonline)</source>
        <translation>Stage (qaonline)</translation>
    </message>
    <message>
        <source>Paste the address you open SuperOffice with in the browser, or just your customer id (Cust12345).</source>
        <translation>Klistra in adressen du öppnar SuperOffice med i webbläsaren, eller bara ditt kund-id (Cust12345).</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Lämna tomt för att behålla det sparade</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Sparas i systemets nyckelring, aldrig i inställningsfilen.</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Från administratören</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Logga in…</translation>
    </message>
    <message>
        <source>SuperOffice address</source>
        <translation>SuperOffice-adress</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Logga in med</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Klient-id</translation>
    </message>
    <message>
        <source>Enter the address of your SuperOffice.</source>
        <translation>Ange adressen till ditt SuperOffice.</translation>
    </message>
    <message>
        <source>This is not a SuperOffice address. Paste the address you open SuperOffice with, such as https://online.superoffice.com/Cust12345, or your customer id.</source>
        <translation>Det här är inte en SuperOffice-adress. Klistra in adressen du öppnar SuperOffice med, till exempel https://online.superoffice.com/Cust12345, eller ditt kund-id.</translation>
    </message>
    <message>
        <source>SuperOffice Online addresses end in your customer id, such as https://online.superoffice.com/Cust12345.</source>
        <translation>Adresser till SuperOffice Online slutar med ditt kund-id, till exempel https://online.superoffice.com/Cust12345.</translation>
    </message>
    <message>
        <source>Enter your SuperOffice user name.</source>
        <translation>Ange ditt användarnamn i SuperOffice.</translation>
    </message>
    <message>
        <source>Enter the client id your administrator gave you.</source>
        <translation>Ange klient-id:t som du fick av administratören.</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
</context>
<context>
    <name>Skeleton</name>
    <message>
        <source>Loading</source>
        <translation>Läser in</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Show more</source>
        <translation>Visa fler</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>Läser in fler…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 av %3)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Do not disturb</source>
        <translation>Stör ej</translation>
    </message>
    <message>
        <source>Sync now — syncing…</source>
        <translation>Synkronisera nu — synkroniserar…</translation>
    </message>
    <message>
        <source>Sync now — not synced yet</source>
        <translation>Synkronisera nu — inte synkroniserat än</translation>
    </message>
    <message>
        <source>Sync now — last synced %1</source>
        <translation>Synkronisera nu — senast synkroniserat %1</translation>
    </message>
    <message>
        <source>Find contact…</source>
        <translation>Hitta kontakt…</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Senaste samtal</translation>
    </message>
    <message>
        <source>Simulate a call</source>
        <translation>Simulera ett samtal</translation>
    </message>
    <message>
        <source>Sign in to SuperOffice…</source>
        <translation>Logga in i SuperOffice…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
</context>
<context>
    <name>_RelativeTime</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>om %n minut</numerusform>
            <numerusform>om %n minuter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>för %n minut sedan</numerusform>
            <numerusform>för %n minuter sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>om %n timme</numerusform>
            <numerusform>om %n timmar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>för %n timme sedan</numerusform>
            <numerusform>för %n timmar sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>för %n dag sedan</numerusform>
            <numerusform>för %n dagar sedan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_SalesFooter</name>
    <message numerus="yes">
        <source>%n open sale(s), total %1 in base currency</source>
        <translation>
            <numerusform>%n öppen försäljning, totalt %1 i basvaluta</numerusform>
            <numerusform>%n öppna försäljningar, totalt %1 i basvaluta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>recent_calls</name>
    <message>
        <source>No calls yet</source>
        <translation>Inga samtal än</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarat</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missat</translation>
    </message>
    <message>
        <source>Answered call, %1: open the contact</source>
        <translation>Besvarat samtal, %1: öppna kontakten</translation>
    </message>
    <message>
        <source>Answered call, %1: search for the number</source>
        <translation>Besvarat samtal, %1: sök efter numret</translation>
    </message>
    <message>
        <source>Missed call, %1: open the contact</source>
        <translation>Missat samtal, %1: öppna kontakten</translation>
    </message>
    <message>
        <source>Missed call, %1: search for the number</source>
        <translation>Missat samtal, %1: sök efter numret</translation>
    </message>
</context>
<context>
    <name>summary_tables</name>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Inte påbörjad</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Såld</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Uppskjuten</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stoppad</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Förlorad</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Raderad</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Sammanslagen</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Skräppost</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>Inga ärenden</translation>
    </message>
    <message>
        <source>No tickets match “%1”</source>
        <translation>Inga ärenden matchar ”%1”</translation>
    </message>
    <message>
        <source>Could not load the tickets</source>
        <translation>Ärendena kunde inte läsas in</translation>
    </message>
    <message>
        <source>Fetch more tickets from SuperOffice</source>
        <translation>Hämta fler ärenden från SuperOffice</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>No follow-ups</source>
        <translation>Inga uppföljningar</translation>
    </message>
    <message>
        <source>No follow-ups match “%1”</source>
        <translation>Inga uppföljningar matchar ”%1”</translation>
    </message>
    <message>
        <source>Could not load the follow-ups</source>
        <translation>Uppföljningarna kunde inte läsas in</translation>
    </message>
    <message>
        <source>Fetch more follow-ups from SuperOffice</source>
        <translation>Hämta fler uppföljningar från SuperOffice</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>No documents</source>
        <translation>Inga dokument</translation>
    </message>
    <message>
        <source>No documents match “%1”</source>
        <translation>Inga dokument matchar ”%1”</translation>
    </message>
    <message>
        <source>Could not load the documents</source>
        <translation>Dokumenten kunde inte läsas in</translation>
    </message>
    <message>
        <source>Fetch more documents from SuperOffice</source>
        <translation>Hämta fler dokument från SuperOffice</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Försäljningar</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Inga försäljningar</translation>
    </message>
    <message>
        <source>No sales match “%1”</source>
        <translation>Inga försäljningar matchar ”%1”</translation>
    </message>
    <message>
        <source>Could not load the sales</source>
        <translation>Försäljningarna kunde inte läsas in</translation>
    </message>
    <message>
        <source>Fetch more sales from SuperOffice</source>
        <translation>Hämta fler försäljningar från SuperOffice</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Sannolikhet</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chattar</translation>
    </message>
    <message>
        <source>No chats</source>
        <translation>Inga chattar</translation>
    </message>
    <message>
        <source>No chats match “%1”</source>
        <translation>Inga chattar matchar ”%1”</translation>
    </message>
    <message>
        <source>Could not load the chats</source>
        <translation>Chattarna kunde inte läsas in</translation>
    </message>
    <message>
        <source>Fetch more chats from SuperOffice</source>
        <translation>Hämta fler chattar från SuperOffice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Första meddelandet</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Begärd</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>Exact number</source>
        <translation>Exakt nummer</translation>
    </message>
    <message>
        <source>Same national number</source>
        <translation>Samma nationella nummer</translation>
    </message>
    <message>
        <source>Last digits match</source>
        <translation>De sista siffrorna stämmer</translation>
    </message>
    <message>
        <source>Found in SuperOffice</source>
        <translation>Hittades i SuperOffice</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just nu</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>i går %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>i morgon %1</translation>
    </message>
</context>
</TS>
