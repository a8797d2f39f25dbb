<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>{count} change(s) shown, newest first.</source>
        <translation>
            <numerusform>{count} change shown, newest first.</numerusform>
            <numerusform>{count} changes shown, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message numerus="yes">
        <source>The list holds {records} record(s): {members} counted as members of the branch; {attached} temporarily attached here and {former} no longer in the branch (transferred out, deceased, left the Party) are not counted.</source>
        <translation>
            <numerusform>The list holds {records} record: {members} counted as members of the branch; {attached} temporarily attached here and {former} no longer in the branch (transferred out, deceased, left the Party) are not counted.</numerusform>
            <numerusform>The list holds {records} records: {members} counted as members of the branch; {attached} temporarily attached here and {former} no longer in the branch (transferred out, deceased, left the Party) are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n changed record(s)</source>
        <translation>
            <numerusform>%n changed record</numerusform>
            <numerusform>%n changed records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundsWidget</name>
    <message numerus="yes">
        <source>{count} loan(s) paid out</source>
        <translation>
            <numerusform>{count} loan paid out</numerusform>
            <numerusform>{count} loans paid out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} member(s) helped</source>
        <translation>
            <numerusform>{count} member helped</numerusform>
            <numerusform>{count} members helped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Holdings</name>
    <message numerus="yes">
        <source>{count} member(s)</source>
        <translation>
            <numerusform>{count} member</numerusform>
            <numerusform>{count} members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} meeting(s)</source>
        <translation>
            <numerusform>{count} meeting</numerusform>
            <numerusform>{count} meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} loan(s)</source>
        <translation>
            <numerusform>{count} loan</numerusform>
            <numerusform>{count} loans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>The file names cells that the branch&apos;s setup does not have: {cells} ({count} new member(s)).</source>
        <translation>
            <numerusform>The file names cells that the branch&apos;s setup does not have: {cells} ({count} new member).</numerusform>
            <numerusform>The file names cells that the branch&apos;s setup does not have: {cells} ({count} new members).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import {count} new member(s)</source>
        <translation>
            <numerusform>Import {count} new member</numerusform>
            <numerusform>Import {count} new members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing {done} of {total} member(s)…</source>
        <translation>
            <numerusform>Importing {done} of {total} member…</numerusform>
            <numerusform>Importing {done} of {total} members…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {count} member(s).</source>
        <translation>
            <numerusform>Imported {count} member.</numerusform>
            <numerusform>Imported {count} members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingsWidget</name>
    <message numerus="yes">
        <source>No regular meeting in month(s): {months}.</source>
        <translation>
            <numerusform>No regular meeting in month: {months}.</numerusform>
            <numerusform>No regular meeting in months: {months}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No thematic meeting in quarter(s): {quarters}.</source>
        <translation>
            <numerusform>No thematic meeting in quarter: {quarters}.</numerusform>
            <numerusform>No thematic meeting in quarters: {quarters}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message numerus="yes">
        <source>; {count} member(s) that another branch keeps wait for review (tab Conflicts)</source>
        <translation>
            <numerusform>; {count} member that another branch keeps waits for review (tab Conflicts)</numerusform>
            <numerusform>; {count} members that another branch keeps wait for review (tab Conflicts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <source>{count} page(s)</source>
        <translation>
            <numerusform>{count} page</numerusform>
            <numerusform>{count} pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent {count} page(s) to the printer.</source>
        <translation>
            <numerusform>Sent {count} page to the printer.</numerusform>
            <numerusform>Sent {count} pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message numerus="yes">
        <source>Exported {count} member(s) to {path}.</source>
        <translation>
            <numerusform>Exported {count} member to {path}.</numerusform>
            <numerusform>Exported {count} members to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>{count} member(s)</source>
        <translation>
            <numerusform>{count} member</numerusform>
            <numerusform>{count} members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} meeting(s)</source>
        <translation>
            <numerusform>{count} meeting</numerusform>
            <numerusform>{count} meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} loan(s)</source>
        <translation>
            <numerusform>{count} loan</numerusform>
            <numerusform>{count} loans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterWidget</name>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s)</source>
        <translation>
            <numerusform>Showing {shown} of {total} record</numerusform>
            <numerusform>Showing {shown} of {total} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s), former members among them: their states could not be worked out</source>
        <translation>
            <numerusform>Showing {shown} of {total} record, former members among them: their states could not be worked out</numerusform>
            <numerusform>Showing {shown} of {total} records, former members among them: their states could not be worked out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s), former members among them until every member&apos;s state is worked out…</source>
        <translation>
            <numerusform>Showing {shown} of {total} record, former members among them until every member&apos;s state is worked out…</numerusform>
            <numerusform>Showing {shown} of {total} records, former members among them until every member&apos;s state is worked out…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StickReminder</name>
    <message numerus="yes">
        <source>Last copy to a USB stick: {days} day(s) ago</source>
        <translation>
            <numerusform>Last copy to a USB stick: {days} day ago</numerusform>
            <numerusform>Last copy to a USB stick: {days} days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message numerus="yes">
        <source>{admitted} new member(s) (no target set)</source>
        <translation>
            <numerusform>{admitted} new member (no target set)</numerusform>
            <numerusform>{admitted} new members (no target set)</numerusform>
        </translation>
    </message>
</context>
</TS>
