<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Close</source>
        <translation type="obsolete">Закрыть</translation>
    </message>
</context>
<context>
    <name>AcceptTransferDialog</name>
    <message>
        <source>Accept by transfer</source>
        <extracomment>The transfer_in command was queued (the organisation id). A transfer request was queued (the organisation id).</extracomment>
        <translation>Принять переводом</translation>
    </message>
    <message>
        <source>Accept into «{org}» a union member registered in another organisation. Find the person in the union registry: it only tells in which organisation they are registered.</source>
        <translation>Принять в «{org}» члена Профсоюза, состоящего на учёте в другой организации. Найдите человека в реестре Профсоюза: реестр сообщит только, в какой организации он состоит на учёте.</translation>
    </message>
    <message>
        <source>By SNILS</source>
        <translation>По СНИЛС</translation>
    </message>
    <message>
        <source>By full name and date of birth</source>
        <translation>По фамилии, имени и дате рождения</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Find in the registry</source>
        <translation>Найти в реестре</translation>
    </message>
    <message>
        <source>For the organisation where the person is now</source>
        <translation>Для организации, где человек состоит сейчас</translation>
    </message>
    <message>
        <source>Date of transfer</source>
        <translation>Дата перевода</translation>
    </message>
    <message>
        <source>Comment to the request</source>
        <translation>Комментарий к запросу</translation>
    </message>
    <message>
        <source>Request a transfer</source>
        <translation>Запросить перевод</translation>
    </message>
    <message>
        <source>Ask the organisation where the person is registered to let them go; the member arrives after it agrees</source>
        <translation>Попросить организацию, где человек состоит на учёте, отпустить его; член Профсоюза поступит после её согласия</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Enter a valid SNILS (11 digits).</source>
        <translation>Введите правильный СНИЛС (11 цифр).</translation>
    </message>
    <message>
        <source>SNILS {snils}</source>
        <translation>СНИЛС {snils}</translation>
    </message>
    <message>
        <source>Enter the surname, the first name and the date of birth (dd.mm.yyyy).</source>
        <translation>Введите фамилию, имя и дату рождения (дд.мм.гггг).</translation>
    </message>
    <message>
        <source>Searching the registry…</source>
        <translation>Поиск в реестре…</translation>
    </message>
    <message>
        <source>Not found in the registry. If the person joins the union for the first time, fill in a new member card instead.</source>
        <translation>В реестре не найден. Если человек вступает в Профсоюз впервые, заполните новую карточку члена Профсоюза.</translation>
    </message>
    <message>
        <source>This person is already registered in this organisation.</source>
        <translation>Этот человек уже состоит на учёте в этой организации.</translation>
    </message>
    <message>
        <source>Found in the organisation «{org}» (code {code}). It has not marked the transfer: press «Request a transfer», and the member arrives when it agrees.</source>
        <translation>Найден в организации «{org}» (код {code}). Она не отметила переход: нажмите «Запросить перевод» — член Профсоюза поступит, когда она согласится.</translation>
    </message>
    <message>
        <source>Found, but removed from the register: a transfer is not possible. Register the person as a new member or restore them.</source>
        <translation>Найден, но снят с учёта: перевод невозможен. Поставьте человека на учёт как нового члена Профсоюза или восстановите его.</translation>
    </message>
    <message>
        <source>Found in the organisation «{org}» (code {code}). Check the date and press «Accept by transfer».</source>
        <translation>Найден в организации «{org}» (код {code}). Проверьте дату и нажмите «Принять переводом».</translation>
    </message>
    <message>
        <source>The search failed because of an internal error.</source>
        <translation>Поиск не удался из-за внутренней ошибки.</translation>
    </message>
    <message>
        <source>The search needs a connection to the union registry, and there is none now. Connect to the internet (or sign in to the registry) and search again.</source>
        <translation>Для поиска нужно подключение к реестру Профсоюза, а сейчас его нет. Подключитесь к интернету (или войдите в реестр) и повторите поиск.</translation>
    </message>
    <message>
        <source>«{org}» (code {code})</source>
        <translation>«{org}» (код {code})</translation>
    </message>
    <message>
        <source>this organisation</source>
        <translation>эта организация</translation>
    </message>
    <message>
        <source>on the register there: request a transfer</source>
        <translation>состоит там на учёте: запросите перевод</translation>
    </message>
    <message>
        <source>removed from the register</source>
        <translation>снят с учёта</translation>
    </message>
    <message>
        <source>Enter the date of transfer (dd.mm.yyyy).</source>
        <translation>Укажите дату перевода (дд.мм.гггг).</translation>
    </message>
    <message>
        <source>The transfer request is saved and goes to the other organisation with the next synchronisation (F5). Its answer appears in «Transfer requests»; the member&apos;s card arrives when it agrees.</source>
        <translation>Запрос на перевод сохранён и уйдёт в другую организацию при следующей синхронизации (F5). Её ответ появится в «Запросах на перевод»; карточка члена Профсоюза поступит, когда она согласится.</translation>
    </message>
    <message>
        <source>The transfer is accepted. It completes at the next synchronisation with the registry (F5): the member&apos;s card then appears in the list with their history, consent and union card.</source>
        <translation>Перевод принят. Он завершится при следующей синхронизации с реестром (F5): после неё карточка члена Профсоюза появится в списке вместе с историей, согласием и профсоюзным билетом.</translation>
    </message>
    <message>
        <source>The transfer was not saved because of an internal error.</source>
        <translation>Перевод не сохранён из-за внутренней ошибки.</translation>
    </message>
</context>
<context>
    <name>AdminActions</name>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Администрирование</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Пользователи…</translation>
    </message>
    <message>
        <source>Logins of the organisations below yours: create, reset a password, unlock</source>
        <translation>Учётные записи подчинённых организаций: создать, сбросить пароль, разблокировать</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Could not open the database:
%1

Check that the disk is available and the file is not damaged. Error: %2</source>
        <translation>Не удалось открыть базу данных:
%1

Проверьте, доступен ли диск и не повреждён ли файл. Ошибка: %2</translation>
    </message>
    <message>
        <source>Chair&apos;s Workplace</source>
        <translation>Рабочее место председателя</translation>
    </message>
    <message>
        <source>The demo mode needs the registry server, which this installation does not include; run the program from its source (python3 dev.py demo).</source>
        <translation>Для демонстрационного режима нужен сервер реестра, которого нет в этой установке; запустите программу из исходного кода (python3 dev.py demo).</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1</source>
        <translation>Не удалось сохранить снимок окна в %1</translation>
    </message>
    <message>
        <source>The window did not finish loading within %1 seconds; no screenshot taken.</source>
        <translation>Окно не загрузилось за %1 с; снимок не сделан.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>BrokenCardDialog</name>
    <message>
        <source>Card lost or damaged</source>
        <translation>ЭПБ утерян или испорчен</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Утерян</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Испорчен</translation>
    </message>
    <message>
        <source>Order a new card (add to the draft request)</source>
        <translation>Заказать новую карту (добавить в черновик заявки)</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Mark &amp;consent received…</source>
        <extracomment>``run(session, member_ids, step)`` → BulkResult, inside the action&apos;s transaction. An action or an undo changed these members (the views refresh them). A short text for the status bar. Whether a sync is running (the main window sets it when signed in).</extracomment>
        <translation>Отметить &amp;согласие полученным…</translation>
    </message>
    <message>
        <source>Add to the card &amp;request</source>
        <translation>Добавить в &amp;заявку на ЭПБ</translation>
    </message>
    <message>
        <source>Mark cards r&amp;eceived…</source>
        <translation>Отметить ЭПБ &amp;полученными…</translation>
    </message>
    <message>
        <source>Mark cards &amp;issued…</source>
        <translation>Отметить ЭПБ &amp;выданными (ВЫДАН)…</translation>
    </message>
    <message>
        <source>Change c&amp;ategory…</source>
        <translation>Сменить &amp;категорию…</translation>
    </message>
    <message>
        <source>Remove from the re&amp;gister…</source>
        <translation>Снять с &amp;учёта…</translation>
    </message>
    <message>
        <source>Res&amp;tore on the register…</source>
        <translation>&amp;Восстановить на учёте…</translation>
    </message>
    <message>
        <source>Appoint to a union o&amp;ffice…</source>
        <translation>Назначить на &amp;должность…</translation>
    </message>
    <message>
        <source>Actions with &amp;selected</source>
        <translation>&amp;Действия с выбранными</translation>
    </message>
    <message>
        <source>Actions with the members selected in the list</source>
        <translation>Действия с членами Профсоюза, выбранными в списке</translation>
    </message>
    <message>
        <source>Consent received</source>
        <translation>Согласие получено</translation>
    </message>
    <message>
        <source>Date signed:</source>
        <translation>Дата подписания:</translation>
    </message>
    <message>
        <source>Cards received</source>
        <translation>ЭПБ получены</translation>
    </message>
    <message>
        <source>Cards issued to members</source>
        <translation>ЭПБ выданы членам Профсоюза</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Дата получения:</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>Дата выдачи:</translation>
    </message>
    <message>
        <source>Change category</source>
        <translation>Смена категории</translation>
    </message>
    <message>
        <source>Changed on:</source>
        <translation>Дата смены:</translation>
    </message>
    <message>
        <source>Changing members…</source>
        <translation>Изменение данных членов Профсоюза…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отмена действия</translation>
    </message>
</context>
<context>
    <name>BulkDateDialog</name>
    <message numerus="yes">
        <source>Selected: %n union member(s).</source>
        <translation>
            <numerusform>Выбран %n член Профсоюза.</numerusform>
            <numerusform>Выбрано %n члена Профсоюза.</numerusform>
            <numerusform>Выбрано %n членов Профсоюза.</numerusform>
        </translation>
    </message>
    <message>
        <source>New category:</source>
        <translation>Новая категория:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy.</source>
        <translation>Введите дату в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Дата не может быть в будущем.</translation>
    </message>
</context>
<context>
    <name>BulkTexts</name>
    <message>
        <source>Nothing was changed</source>
        <extracomment>Reasons listed in the result message; the rest are in «Подробнее». Skipped members listed by name in «Подробнее».</extracomment>
        <translation>Ничего не изменено</translation>
    </message>
    <message numerus="yes">
        <source>Consent marked for %n union member(s)</source>
        <translation>
            <numerusform>Отмечено согласие у %n члена Профсоюза</numerusform>
            <numerusform>Отмечено согласие у %n членов Профсоюза</numerusform>
            <numerusform>Отмечено согласие у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n union member(s) added to the card request</source>
        <translation>
            <numerusform>В заявку на ЭПБ добавлен %n член Профсоюза</numerusform>
            <numerusform>В заявку на ЭПБ добавлены %n члена Профсоюза</numerusform>
            <numerusform>В заявку на ЭПБ добавлено %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card status RECEIVED set for %n union member(s)</source>
        <translation>
            <numerusform>Статус ЭПБ «ПОЛУЧЕН» отмечен у %n члена Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ПОЛУЧЕН» отмечен у %n членов Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ПОЛУЧЕН» отмечен у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card status ISSUED set for %n union member(s)</source>
        <translation>
            <numerusform>Статус ЭПБ «ВЫДАН» отмечен у %n члена Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ВЫДАН» отмечен у %n членов Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ВЫДАН» отмечен у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card status SHIPPED TO REGION set for %n union member(s)</source>
        <translation>
            <numerusform>Статус ЭПБ «ОТПРАВЛЕН В РЕГИОН» отмечен у %n члена Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ОТПРАВЛЕН В РЕГИОН» отмечен у %n членов Профсоюза</numerusform>
            <numerusform>Статус ЭПБ «ОТПРАВЛЕН В РЕГИОН» отмечен у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card marked lost or damaged for %n union member(s)</source>
        <translation>
            <numerusform>ЭПБ отмечен утерянным или испорченным у %n члена Профсоюза</numerusform>
            <numerusform>ЭПБ отмечен утерянным или испорченным у %n членов Профсоюза</numerusform>
            <numerusform>ЭПБ отмечен утерянным или испорченным у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n union member(s) removed from the card request</source>
        <translation>
            <numerusform>Из заявки на ЭПБ убран %n член Профсоюза</numerusform>
            <numerusform>Из заявки на ЭПБ убрано %n члена Профсоюза</numerusform>
            <numerusform>Из заявки на ЭПБ убрано %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The request for %n card(s) is submitted</source>
        <translation>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Category changed for %n union member(s)</source>
        <translation>
            <numerusform>Категория изменена у %n члена Профсоюза</numerusform>
            <numerusform>Категория изменена у %n членов Профсоюза</numerusform>
            <numerusform>Категория изменена у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n union member(s) removed from the register</source>
        <translation>
            <numerusform>%n член Профсоюза снят с учёта</numerusform>
            <numerusform>%n члена Профсоюза сняты с учёта</numerusform>
            <numerusform>%n членов Профсоюза сняты с учёта</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n union member(s) restored on the register</source>
        <translation>
            <numerusform>%n член Профсоюза восстановлен на учёте</numerusform>
            <numerusform>%n члена Профсоюза восстановлены на учёте</numerusform>
            <numerusform>%n членов Профсоюза восстановлены на учёте</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n union member(s) appointed to the office</source>
        <translation>
            <numerusform>%n член Профсоюза назначен на должность</numerusform>
            <numerusform>%n члена Профсоюза назначены на должность</numerusform>
            <numerusform>%n членов Профсоюза назначены на должность</numerusform>
        </translation>
    </message>
    <message>
        <source>The office is ended</source>
        <translation>Полномочия завершены</translation>
    </message>
    <message>
        <source>The mistaken office entry is deleted</source>
        <translation>Ошибочная запись о должности удалена</translation>
    </message>
    <message numerus="yes">
        <source>Changed: %n union member(s)</source>
        <translation>
            <numerusform>Изменено: %n член Профсоюза</numerusform>
            <numerusform>Изменено: %n члена Профсоюза</numerusform>
            <numerusform>Изменено: %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущен</numerusform>
            <numerusform>%n пропущены</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: consent for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: согласие у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: согласие у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: согласие у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: %n union member(s) added to the card request</source>
        <translation>
            <numerusform>&amp;Отменить: добавление %n члена Профсоюза в заявку на ЭПБ</numerusform>
            <numerusform>&amp;Отменить: добавление %n членов Профсоюза в заявку на ЭПБ</numerusform>
            <numerusform>&amp;Отменить: добавление %n членов Профсоюза в заявку на ЭПБ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: RECEIVED for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: «ПОЛУЧЕН» у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ПОЛУЧЕН» у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ПОЛУЧЕН» у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: ISSUED for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: «ВЫДАН» у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ВЫДАН» у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ВЫДАН» у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: SHIPPED TO REGION for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: «ОТПРАВЛЕН В РЕГИОН» у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ОТПРАВЛЕН В РЕГИОН» у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: «ОТПРАВЛЕН В РЕГИОН» у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: lost or damaged for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: утерян или испорчен ЭПБ у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: утерян или испорчен ЭПБ у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: утерян или испорчен ЭПБ у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: %n union member(s) removed from the card request</source>
        <translation>
            <numerusform>&amp;Отменить: из заявки убран %n член Профсоюза</numerusform>
            <numerusform>&amp;Отменить: из заявки убрано %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: из заявки убрано %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: submitting the request for %n card(s)</source>
        <translation>
            <numerusform>&amp;Отменить: отправку заявки на %n ЭПБ</numerusform>
            <numerusform>&amp;Отменить: отправку заявки на %n ЭПБ</numerusform>
            <numerusform>&amp;Отменить: отправку заявки на %n ЭПБ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: category change for %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: смена категории у %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: смена категории у %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: смена категории у %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: removal of %n union member(s) from the register</source>
        <translation>
            <numerusform>&amp;Отменить: снятие с учёта %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: снятие с учёта %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: снятие с учёта %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: restoration of %n union member(s)</source>
        <translation>
            <numerusform>&amp;Отменить: восстановление %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: восстановление %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: восстановление %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo: appointment of %n union member(s) to the office</source>
        <translation>
            <numerusform>&amp;Отменить: назначение на должность %n члена Профсоюза</numerusform>
            <numerusform>&amp;Отменить: назначение на должность %n членов Профсоюза</numerusform>
            <numerusform>&amp;Отменить: назначение на должность %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo: the end of the office</source>
        <translation>&amp;Отменить: завершение полномочий</translation>
    </message>
    <message>
        <source>&amp;Undo: deleting the office entry</source>
        <translation>&amp;Отменить: удаление записи о должности</translation>
    </message>
    <message>
        <source>&amp;Undo the last action</source>
        <translation>&amp;Отменить последнее действие</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Отменено: %1</translation>
    </message>
    <message>
        <source>This action has already been sent to the registry during synchronisation and can no longer be undone.</source>
        <translation>Действие уже передано в реестр при синхронизации, отменить его нельзя.</translation>
    </message>
    <message>
        <source>The same records were changed again after this action, so it can no longer be undone.</source>
        <translation>После этого действия те же записи изменены ещё раз, поэтому отменить его нельзя.</translation>
    </message>
    <message>
        <source>The registry has changed these records since, so the action can no longer be undone.</source>
        <translation>Эти записи с тех пор изменены в реестре, поэтому отменить действие нельзя.</translation>
    </message>
    <message>
        <source>There is no action to undo.</source>
        <translation>Отменять нечего.</translation>
    </message>
    <message>
        <source>Synchronisation is running; wait until it ends.</source>
        <translation>Идёт синхронизация, дождитесь её окончания.</translation>
    </message>
    <message>
        <source>An action on the selected members is still running.</source>
        <translation>Действие с выбранными членами Профсоюза ещё выполняется.</translation>
    </message>
    <message>
        <source>The action could not be completed; nothing was changed.</source>
        <translation>Действие не удалось выполнить; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>CardLifecycle</name>
    <message>
        <source>Save or cancel the changes of the card first.</source>
        <translation>Сначала сохраните или отмените изменения карточки.</translation>
    </message>
    <message>
        <source>Nothing was saved because of an internal error.</source>
        <translation>Из-за внутренней ошибки ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Print the consent to personal-data processing (Ctrl+P) or the PROFCARDS handout</source>
        <translation>Напечатать согласие на обработку персональных данных (Ctrl+P) или памятку ПРОФКАРДС</translation>
    </message>
    <message>
        <source>Consent to personal-data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>PROFCARDS handout</source>
        <translation>Памятка ПРОФКАРДС</translation>
    </message>
    <message>
        <source>Save the card first (Ctrl+S): the document prints the saved data.</source>
        <translation>Сначала сохраните карточку (Ctrl+S): в документ попадают сохранённые данные.</translation>
    </message>
</context>
<context>
    <name>CardRequestActions</name>
    <message>
        <source>Submit the card request</source>
        <extracomment>Up to this many skipped members are named in the banner (the reasons are always counted). Called after a request was submitted (the main window starts a sync when signed in).</extracomment>
        <translation>Отправка заявки на ЭПБ</translation>
    </message>
    <message numerus="yes">
        <source>Submit the request for %n card(s)?</source>
        <translation>
            <numerusform>Отправить заявку на %n ЭПБ?</numerusform>
            <numerusform>Отправить заявку на %n ЭПБ?</numerusform>
            <numerusform>Отправить заявку на %n ЭПБ?</numerusform>
        </translation>
    </message>
    <message>
        <source>It will be processed on %1; the cards are expected in the region by %2. The request goes to the registry with the next synchronisation; without a connection it waits on this computer and is sent as soon as the registry can be reached.</source>
        <translation>Заявка будет обработана %1; карты ожидаются в региональной организации к %2. Заявка передаётся в реестр при синхронизации; без связи она ждёт на этом компьютере и будет отправлена, как только реестр станет доступен.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>The request for %n card(s) is submitted</source>
        <translation>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
            <numerusform>Заявка на %n ЭПБ отправлена</numerusform>
        </translation>
    </message>
    <message>
        <source>it is being sent to the registry now.</source>
        <translation>она передаётся в реестр.</translation>
    </message>
    <message>
        <source>it waits on this computer and goes to the registry with the next synchronisation (F5).</source>
        <translation>она ждёт на этом компьютере и будет передана в реестр при следующей синхронизации (F5).</translation>
    </message>
    <message>
        <source>Cards issued to members</source>
        <translation>Выдача ЭПБ членам Профсоюза</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>Дата выдачи:</translation>
    </message>
    <message>
        <source>Cards shipped to the region</source>
        <translation>ЭПБ отправлены в регион</translation>
    </message>
    <message>
        <source>Cards received by the organisation</source>
        <translation>ЭПБ получены организацией</translation>
    </message>
    <message>
        <source>Shipped on:</source>
        <translation>Дата отправки:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Дата получения:</translation>
    </message>
    <message numerus="yes">
        <source>New cards for %n union member(s) added to the draft request.</source>
        <translation>
            <numerusform>Новая ЭПБ для %n члена Профсоюза добавлена в черновик заявки.</numerusform>
            <numerusform>Новые ЭПБ для %n членов Профсоюза добавлены в черновик заявки.</numerusform>
            <numerusform>Новые ЭПБ для %n членов Профсоюза добавлены в черновик заявки.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardRequests</name>
    <message>
        <source>re-issue</source>
        <translation>перевыпуск</translation>
    </message>
    <message>
        <source>Request / union member</source>
        <translation>Заявка / член Профсоюза</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер ЭПБ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Request of %1 — %2 card(s)</source>
        <translation>Заявка от %1 — ЭПБ: %2</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>ждёт отправки</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>обработана</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>отправлена</translation>
    </message>
</context>
<context>
    <name>CardRequestsPanel</name>
    <message>
        <source>Submit the request…</source>
        <extracomment>New data are on screen. An action here changed these members (the other views refresh them). A short text for the status bar.</extracomment>
        <translation>Отправить заявку…</translation>
    </message>
    <message>
        <source>Region: cards on their way</source>
        <translation>Регион: карты в пути</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Remove from the request</source>
        <translation>Убрать из заявки</translation>
    </message>
    <message>
        <source>Union member</source>
        <translation>Член Профсоюза</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Card status</source>
        <translation>Статус ЭПБ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Hand out…</source>
        <translation>Выдать…</translation>
    </message>
    <message>
        <source>Mark the selected cards ISSUED (all of them when none is selected)</source>
        <translation>Отметить выбранные карты «ВЫДАН» (все, если ни одна не выбрана)</translation>
    </message>
    <message>
        <source>Print the hand-over sheet</source>
        <translation>Печать ведомости</translation>
    </message>
    <message>
        <source>Lost / damaged…</source>
        <translation>Утерян / Испорчен…</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер ЭПБ</translation>
    </message>
    <message>
        <source>For the selected received or issued cards: mark them and order new ones</source>
        <translation>Для выбранных полученных или выданных карт: отметить и заказать новые</translation>
    </message>
    <message>
        <source>Expand a request to see its cards; expand a card to see its status history.</source>
        <translation>Раскройте заявку, чтобы увидеть её карты; раскройте карту, чтобы увидеть историю её статусов.</translation>
    </message>
    <message>
        <source>Shipped to the region…</source>
        <translation>Отправлено в регион…</translation>
    </message>
    <message>
        <source>Received by the organisation…</source>
        <translation>Получено организацией…</translation>
    </message>
    <message>
        <source>Cards of this organisation that were produced or are on their way. Select cards (or none for all) and mark the next step.</source>
        <translation>Карты этой организации, изготовленные или находящиеся в пути. Выберите карты (или ни одной — для всех) и отметьте следующий шаг.</translation>
    </message>
    <message>
        <source>Could not read the card requests. Press F5 to try again.</source>
        <translation>Не удалось прочитать заявки на ЭПБ. Нажмите F5, чтобы попробовать ещё раз.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Next processing of requests: %1</source>
        <translation>Ближайшая обработка заявок: %1</translation>
    </message>
    <message>
        <source>A request submitted now is processed on %1; the cards are expected in the regional organisation by %2 (within 14 days of processing).</source>
        <translation>Заявка, отправленная сейчас, будет обработана %1; карты ожидаются в региональной организации к %2 (в течение 14 дней после обработки).</translation>
    </message>
    <message>
        <source>Draft request (%1)</source>
        <translation>Черновик заявки (%1)</translation>
    </message>
    <message>
        <source>Received cards (%1)</source>
        <translation>Полученные карты (%1)</translation>
    </message>
    <message>
        <source>Submitted requests (%1)</source>
        <translation>Отправленные заявки (%1)</translation>
    </message>
    <message numerus="yes">
        <source>In the draft: %n union member(s)</source>
        <translation>
            <numerusform>В черновике заявки %n член Профсоюза</numerusform>
            <numerusform>В черновике заявки %n члена Профсоюза</numerusform>
            <numerusform>В черновике заявки %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message>
        <source>Add everyone who may get a card (%1)</source>
        <translation>Добавить всех, кто может получить ЭПБ (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Cannot enter the request: %n union member(s)</source>
        <translation>
            <numerusform>Не могут войти в заявку: %n член Профсоюза</numerusform>
            <numerusform>Не могут войти в заявку: %n члена Профсоюза</numerusform>
            <numerusform>Не могут войти в заявку: %n членов Профсоюза</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards that reached the organisation and wait to be handed out. Select cards (or none for all of them), then «Hand out…»; print the hand-over sheet for signatures.</source>
        <translation>Карты, поступившие в организацию и ожидающие выдачи. Выберите карты (или ни одной — для всех) и нажмите «Выдать…»; для подписей распечатайте ведомость выдачи.</translation>
    </message>
    <message>
        <source>No received cards are waiting to be handed out.</source>
        <translation>Полученных карт, ожидающих выдачи, нет.</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Все причины</translation>
    </message>
</context>
<context>
    <name>CardStatus</name>
    <message>
        <source>NOT ORDERED</source>
        <extracomment>ЭПБ status code → the official status name (English source, translated in context &quot;CardStatus&quot;). Used by the member list, its filter and the member card&apos;s «ЭПБ» tab.</extracomment>
        <translation>НЕ ЗАКАЗАН</translation>
    </message>
    <message>
        <source>IN REQUEST</source>
        <translation>В ЗАЯВКЕ</translation>
    </message>
    <message>
        <source>ORDERED</source>
        <translation>ЗАКАЗАН</translation>
    </message>
    <message>
        <source>PRODUCED</source>
        <translation>ИЗГОТОВЛЕН</translation>
    </message>
    <message>
        <source>SHIPPED TO REGION</source>
        <translation>ОТПРАВЛЕН В РЕГИОН</translation>
    </message>
    <message>
        <source>RECEIVED</source>
        <translation>ПОЛУЧЕН</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>ВЫДАН</translation>
    </message>
    <message>
        <source>LOST</source>
        <translation>УТЕРЯН</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>ИСПОРЧЕН</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>АННУЛИРОВАН</translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <source>Card number</source>
        <translation>Номер билета</translation>
    </message>
    <message>
        <source>Card status</source>
        <translation>Статус билета</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <source>A card can be requested when the member is on the register, the card is complete, the consent is ticked and the member has no live card. Requests are processed on the 1st and the 15th of each month.</source>
        <translation>Билет можно заказать, если член Профсоюза состоит на учёте, карточка заполнена, согласие отмечено и действующего билета нет. Заявки обрабатываются 1-го и 15-го числа каждого месяца.</translation>
    </message>
    <message>
        <source>not assigned yet</source>
        <translation>ещё не присвоен</translation>
    </message>
    <message>
        <source>Draft, not submitted yet</source>
        <translation>Черновик, ещё не отправлена</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Отправлена</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Обработана</translation>
    </message>
    <message>
        <source>submitted on {date}</source>
        <translation>отправлена {date}</translation>
    </message>
    <message>
        <source>processing on {date}</source>
        <translation>обработка {date}</translation>
    </message>
</context>
<context>
    <name>CloseOrganisationDialog</name>
    <message>
        <source>Close the organisation</source>
        <translation>Закрыть организацию</translation>
    </message>
    <message numerus="yes">
        <source>«%1» (registry code %2): %n member(s) on the register.</source>
        <translation>
            <numerusform>«%1» (код в реестре %2): на учёте %n член Профсоюза.</numerusform>
            <numerusform>«%1» (код в реестре %2): на учёте %n члена Профсоюза.</numerusform>
            <numerusform>«%1» (код в реестре %2): на учёте %n членов Профсоюза.</numerusform>
        </translation>
    </message>
    <message>
        <source>Liquidation: the members are removed from the register</source>
        <translation>Ликвидация: члены Профсоюза снимаются с учёта</translation>
    </message>
    <message>
        <source>Merger: the members are transferred to another organisation</source>
        <translation>Слияние: члены Профсоюза переводятся в другую организацию</translation>
    </message>
    <message>
        <source>There is no other open organisation of this level under the same superior</source>
        <translation>У той же вышестоящей организации нет другой действующей организации этого уровня</translation>
    </message>
    <message>
        <source>e.g. the number and date of the decision</source>
        <translation>например, номер и дата решения</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Присоединить к</translation>
    </message>
    <message>
        <source>Date of closure</source>
        <translation>Дата закрытия</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Close the organisation…</source>
        <translation>Закрыть организацию…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The members go to the chosen organisation as transfers: their history, consents, union cards and «member since» are kept.</source>
        <translation>Члены Профсоюза переходят в выбранную организацию переводом: история, согласия, ЭПБ и дата вступления в Профсоюз сохраняются.</translation>
    </message>
    <message>
        <source>The members are removed from the register with the reason «liquidation of the organisation»; their live union cards are cancelled.</source>
        <translation>Члены Профсоюза снимаются с учёта по причине «ликвидация организации»; их действующие ЭПБ аннулируются.</translation>
    </message>
    <message>
        <source>Enter the date of closure (dd.mm.yyyy).</source>
        <translation>Укажите дату закрытия (дд.мм.гггг).</translation>
    </message>
    <message>
        <source>Choose the organisation to merge into.</source>
        <translation>Выберите организацию, к которой присоединяется эта.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) will be transferred to «%1».</source>
        <translation>
            <numerusform>%n член Профсоюза будет переведён в «%1».</numerusform>
            <numerusform>%n члена Профсоюза будут переведены в «%1».</numerusform>
            <numerusform>%n членов Профсоюза будут переведены в «%1».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) will be removed from the register; their live union cards will be cancelled.</source>
        <translation>
            <numerusform>%n член Профсоюза будет снят с учёта; его действующие ЭПБ будут аннулированы.</numerusform>
            <numerusform>%n члена Профсоюза будут сняты с учёта; их действующие ЭПБ будут аннулированы.</numerusform>
            <numerusform>%n членов Профсоюза будут сняты с учёта; их действующие ЭПБ будут аннулированы.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close «%1» on %2?</source>
        <translation>Закрыть «%1» с %2?</translation>
    </message>
    <message>
        <source>The organisation stays visible to its superiors under «Closed»; its chair loses access. Only the administrator can reopen it. The registry does this at the next synchronisation.</source>
        <translation>Организация останется видна вышестоящим организациям в списке «Закрытые»; её председатель потеряет доступ. Открыть её снова может только администратор. Реестр выполнит закрытие при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Nothing was saved because of an internal error.</source>
        <translation>Ничего не сохранено из-за внутренней ошибки.</translation>
    </message>
</context>
<context>
    <name>ClosureActions</name>
    <message>
        <source>&amp;Close the organisation…</source>
        <translation>&amp;Закрыть организацию…</translation>
    </message>
    <message>
        <source>Liquidation or merger into another organisation of the same superior</source>
        <translation>Ликвидация или слияние с другой организацией той же вышестоящей организации</translation>
    </message>
    <message>
        <source>&amp;Reopen the organisation</source>
        <translation>&amp;Открыть снова</translation>
    </message>
    <message numerus="yes">
        <source>The closure of the organisation (%n member(s)) goes to the registry with the synchronisation.</source>
        <translation>
            <numerusform>Закрытие организации (%n член Профсоюза) будет передано в реестр при синхронизации.</numerusform>
            <numerusform>Закрытие организации (%n члена Профсоюза) будет передано в реестр при синхронизации.</numerusform>
            <numerusform>Закрытие организации (%n членов Профсоюза) будет передано в реестр при синхронизации.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen the organisation</source>
        <translation>Открыть организацию снова</translation>
    </message>
    <message>
        <source>Reopen «%1»?</source>
        <translation>Открыть «%1» снова?</translation>
    </message>
    <message>
        <source>Its chair gets access again. Members removed by the liquidation stay removed (restore them one by one); members transferred by a merger stay where they are.</source>
        <translation>Её председатель снова получит доступ. Снятые с учёта при ликвидации остаются снятыми (восстановите их по одному); переведённые при слиянии остаются в новой организации.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The reopening goes to the registry with the synchronisation.</source>
        <translation>Открытие организации будет передано в реестр при синхронизации.</translation>
    </message>
    <message>
        <source>Nothing was saved because of an internal error.</source>
        <translation>Ничего не сохранено из-за внутренней ошибки.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Conflicting changes</source>
        <translation>Конфликтующие изменения</translation>
    </message>
    <message>
        <source>Someone else changed the same fields on the server. For each field choose which value to keep. Until you decide, your value is kept here and nothing is lost.</source>
        <translation>Кто-то другой изменил те же поля на сервере. Для каждого поля выберите, какое значение оставить. Пока вы не решили, ваше значение хранится здесь и ничего не теряется.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Как на сервере</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>postal index, district, village, street, house</source>
        <translation>индекс, район, населённый пункт, улица, дом</translation>
    </message>
    <message>
        <source>Any usual form: 8 912 345-67-89 is stored as +79123456789</source>
        <translation>В любом привычном виде: 8 912 345-67-89 сохранится как +79123456789</translation>
    </message>
    <message>
        <source>Recommended: PROFCARDS sends the member the invitation to the bonus programme to this address.</source>
        <translation>Рекомендуется заполнить: на этот адрес PROFCARDS пришлёт приглашение в бонусную программу.</translation>
    </message>
</context>
<context>
    <name>CreateLoginDialog</name>
    <message>
        <source>New login</source>
        <translation>Новая учётная запись</translation>
    </message>
    <message>
        <source>A login for the chair of an organisation below yours. The registry makes a one-time password; print the access sheet and hand it over. The password must be changed at the first sign-in.</source>
        <translation>Учётная запись для председателя подчинённой организации. Реестр выдаст временный пароль: распечатайте лист доступа и передайте его председателю. При первом входе пароль нужно сменить.</translation>
    </message>
    <message>
        <source>Latin letters, digits, . _ -</source>
        <translation>латинские буквы, цифры, . _ -</translation>
    </message>
    <message>
        <source>Surname, first name, patronymic</source>
        <translation>Фамилия Имя Отчество</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Chair&apos;s full name:</source>
        <translation>ФИО председателя:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Choose an organisation from the list.</source>
        <translation>Выберите организацию из списка.</translation>
    </message>
    <message>
        <source>The login: 3 to 60 Latin letters, digits and the signs . _ -, starting with a letter or a digit.</source>
        <translation>Логин: от 3 до 60 латинских букв, цифр и знаков . _ -, начинается с буквы или цифры.</translation>
    </message>
    <message>
        <source>Enter the chair&apos;s full name.</source>
        <translation>Укажите ФИО председателя.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>Union members on the register of the organisation and of the organisations below it</source>
        <translation>Члены Профсоюза, состоящие на учёте в организации и в организациях ниже</translation>
    </message>
    <message>
        <source>Cards not filled in</source>
        <translation>Карточки не заполнены</translation>
    </message>
    <message>
        <source>Member cards with empty required fields; such a member cannot be put into a card request</source>
        <translation>Учётные карточки с незаполненными обязательными полями; такого члена Профсоюза нельзя включить в заявку на ЭПБ</translation>
    </message>
    <message>
        <source>Without consent</source>
        <translation>Без согласия на обработку ПДн</translation>
    </message>
    <message>
        <source>No consent to personal data processing on record: print the consent form and let the member sign it</source>
        <translation>Согласие на обработку персональных данных не отмечено: распечатайте бланк согласия и дайте его подписать</translation>
    </message>
    <message>
        <source>Consent not yet sent to PROFCARDS</source>
        <translation>Не передано в PROFCARDS</translation>
    </message>
    <message>
        <source>The consent is recorded here but has not reached the union registry yet: the member gets into the daily PROFCARDS feed after the next synchronisation</source>
        <translation type="vanished">Согласие отмечено здесь, но ещё не передано в реестр Профсоюза: в ежедневную выгрузку в PROFCARDS член Профсоюза попадёт после ближайшей синхронизации</translation>
    </message>
    <message>
        <source>Consent given, but the union registry&apos;s daily feed has not sent the member to PROFCARDS yet. A consent recorded here goes in the first feed after it reaches the registry; the mark that it was sent arrives with the next synchronisation</source>
        <translation>Согласие получено, но ежедневная выгрузка реестра Профсоюза ещё не передала члена Профсоюза в PROFCARDS. Согласие, отмеченное здесь, попадает в первую выгрузку после того, как дойдёт до реестра; отметка о передаче приходит при следующей синхронизации</translation>
    </message>
    <message>
        <source>Ready for a card request</source>
        <translation>Можно включить в заявку на ЭПБ</translation>
    </message>
    <message>
        <source>On the register, card filled in, consent given and no live electronic union card: may be put into a request</source>
        <translation>На учёте, карточка заполнена, согласие есть, действующего ЭПБ нет — можно включить в заявку</translation>
    </message>
    <message>
        <source>Birthdays this month</source>
        <translation>Дни рождения в этом месяце</translation>
    </message>
    <message>
        <source>Members on the register born in the current month</source>
        <translation>Члены Профсоюза на учёте, родившиеся в текущем месяце</translation>
    </message>
    <message>
        <source>In a draft request</source>
        <translation>В заявке (черновик)</translation>
    </message>
    <message>
        <source>Status «IN REQUEST»: the request has not been submitted yet</source>
        <translation>Статус «В ЗАЯВКЕ»: заявка ещё не отправлена</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Заказаны</translation>
    </message>
    <message>
        <source>Status «ORDERED»: the request is submitted and waits for the processing on the 1st or the 15th</source>
        <translation>Статус «ЗАКАЗАН»: заявка отправлена и ждёт обработки 1-го или 15-го числа</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>Изготовлены</translation>
    </message>
    <message>
        <source>Status «PRODUCED»: the card has a number and is being made</source>
        <translation>Статус «ИЗГОТОВЛЕН»: билету присвоен номер, он изготавливается</translation>
    </message>
    <message>
        <source>Shipped to the region</source>
        <translation>Отправлены в регион</translation>
    </message>
    <message>
        <source>Status «SHIPPED TO REGION»: on the way to the regional organisation</source>
        <translation>Статус «ОТПРАВЛЕН В РЕГИОН»: билеты в пути в региональную организацию</translation>
    </message>
    <message>
        <source>Received, to hand out</source>
        <translation>Получены, к выдаче</translation>
    </message>
    <message>
        <source>Status «RECEIVED»: the card is in the organisation and waits to be handed to the member</source>
        <translation>Статус «ПОЛУЧЕН»: билет в организации и ждёт выдачи члену Профсоюза</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выданы</translation>
    </message>
    <message>
        <source>Status «ISSUED»: the member has the card</source>
        <translation>Статус «ВЫДАН»: билет на руках у члена Профсоюза</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Женщины</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Мужчины</translation>
    </message>
    <message>
        <source>up to 35</source>
        <translation>до 35 лет</translation>
    </message>
    <message>
        <source>36–45</source>
        <translation>36–45 лет</translation>
    </message>
    <message>
        <source>46–55</source>
        <translation>46–55 лет</translation>
    </message>
    <message>
        <source>56–65</source>
        <translation>56–65 лет</translation>
    </message>
    <message>
        <source>66 and older</source>
        <translation>66 лет и старше</translation>
    </message>
    <message>
        <source>not filled in</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Cards where «%1» is empty</source>
        <translation>Карточки, в которых не заполнено поле «%1»</translation>
    </message>
    <message>
        <source>Not filled in: %1</source>
        <translation>Не заполнено: %1</translation>
    </message>
    <message>
        <source>Birthdays: %1</source>
        <translation>Дни рождения: %1</translation>
    </message>
</context>
<context>
    <name>DashboardOrgs</name>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Double-click to open the organisation</source>
        <translation>Двойной щелчок — открыть организацию</translation>
    </message>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>Union members on the register, with the organisations below</source>
        <translation>Члены Профсоюза на учёте, вместе с организациями ниже</translation>
    </message>
    <message>
        <source>Cards filled in</source>
        <translation>Карточки заполнены</translation>
    </message>
    <message>
        <source>Share of member cards with every required field filled in</source>
        <translation>Доля учётных карточек, в которых заполнены все обязательные поля</translation>
    </message>
    <message>
        <source>Without consent</source>
        <translation>Без согласия</translation>
    </message>
    <message>
        <source>Members without a consent to personal data processing</source>
        <translation>Члены Профсоюза без согласия на обработку персональных данных</translation>
    </message>
    <message>
        <source>Ready for a card</source>
        <translation>Готовы к заявке</translation>
    </message>
    <message>
        <source>Members who may be put into a card request</source>
        <translation>Члены Профсоюза, которых можно включить в заявку на ЭПБ</translation>
    </message>
    <message>
        <source>Cards to hand out</source>
        <translation>ЭПБ к выдаче</translation>
    </message>
    <message>
        <source>Cards received by the organisation and not yet handed to the members</source>
        <translation>Билеты получены организацией, но ещё не выданы членам Профсоюза</translation>
    </message>
    <message>
        <source>Cards issued</source>
        <translation>ЭПБ выданы</translation>
    </message>
    <message>
        <source>Share of members on the register who have received their electronic union card</source>
        <translation>Доля членов Профсоюза на учёте, получивших электронный профсоюзный билет</translation>
    </message>
    <message>
        <source>%1 (its own members)</source>
        <translation>%1 (собственный учёт)</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Register, cards and consents</source>
        <extracomment>Show these members in the member list: (MemberFilter, name of its condition or &quot;&quot;). Open this organisation (a row of the subordinate table was double-clicked). New numbers are on screen.</extracomment>
        <translation>Учёт, карточки и согласия</translation>
    </message>
    <message>
        <source>Electronic union cards</source>
        <translation>Электронные профсоюзные билеты</translation>
    </message>
    <message>
        <source>What the cards lack</source>
        <translation>Что не заполнено в карточках</translation>
    </message>
    <message>
        <source>Every card has all the required fields.</source>
        <translation>Во всех карточках заполнены обязательные поля.</translation>
    </message>
    <message>
        <source>Membership structure</source>
        <translation>Структура членства</translation>
    </message>
    <message>
        <source>Organisations below</source>
        <translation>Подчинённые организации</translation>
    </message>
    <message>
        <source>Click a column title to sort; double-click a row to open the organisation.</source>
        <translation>Щёлкните заголовок столбца, чтобы упорядочить; двойной щелчок по строке открывает организацию.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>Could not count: the data could not be read. Press F5 to try again.</source>
        <translation>Не удалось подсчитать: данные не прочитаны. Нажмите F5, чтобы попробовать ещё раз.</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>По категориям</translation>
    </message>
    <message>
        <source>By sex</source>
        <translation>По полу</translation>
    </message>
    <message>
        <source>By age</source>
        <translation>По возрасту</translation>
    </message>
</context>
<context>
    <name>DatabaseKey</name>
    <message>
        <source>Database passphrase</source>
        <translation>Парольная фраза данных</translation>
    </message>
    <message>
        <source>The data on this computer will be encrypted with a passphrase. Choose one of at least %1 characters; it will be asked at every start and cannot be recovered:</source>
        <translation>Данные на этом компьютере будут зашифрованы парольной фразой. Придумайте фразу не короче %1 знаков; её будут спрашивать при каждом запуске, восстановить её нельзя:</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters. Choose a passphrase:</source>
        <translation>Слишком коротко: нужно не меньше %1 знаков. Придумайте парольную фразу:</translation>
    </message>
    <message>
        <source>Type the passphrase again:</source>
        <translation>Введите парольную фразу ещё раз:</translation>
    </message>
    <message>
        <source>The two passphrases differ. Choose a passphrase:</source>
        <translation>Фразы не совпадают. Придумайте парольную фразу:</translation>
    </message>
    <message>
        <source>Passphrase of the data on this computer:</source>
        <translation>Парольная фраза данных на этом компьютере:</translation>
    </message>
    <message>
        <source>Wrong passphrase. Passphrase of the data on this computer:</source>
        <translation>Неверная фраза. Парольная фраза данных на этом компьютере:</translation>
    </message>
    <message>
        <source>No password store</source>
        <translation>Нет хранилища паролей</translation>
    </message>
    <message>
        <source>This computer has no working password store (keyring), so the key that encrypts your members&apos; data cannot be kept in it. The data will be encrypted with a passphrase instead, asked at every start.</source>
        <translation>На этом компьютере нет работающего хранилища паролей, поэтому ключ, которым шифруются данные членов Профсоюза, негде сохранить. Данные будут зашифрованы парольной фразой, которую программа будет спрашивать при каждом запуске.</translation>
    </message>
    <message>
        <source>Encryption key not found</source>
        <translation>Ключ шифрования не найден</translation>
    </message>
    <message>
        <source>The data on this computer are encrypted, and their key is no longer in the password store of this computer (a new user profile, or the store was cleared). They cannot be opened.

Delete them and download your organisation again from the registry? Changes that were never synchronised are lost.</source>
        <translation>Данные на этом компьютере зашифрованы, а их ключа больше нет в хранилище паролей (новый профиль пользователя или хранилище очищено). Открыть их нельзя.

Удалить их и заново загрузить данные организации из реестра? Изменения, которые не были синхронизированы, будут потеряны.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose a date in the calendar</source>
        <translation>Выбрать дату в календаре</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>&amp;Consents for the selected members…</source>
        <translation>&amp;Согласия для выбранных…</translation>
    </message>
    <message>
        <source>Consents for &amp;everyone without a consent…</source>
        <translation>Согласия для &amp;всех без согласия…</translation>
    </message>
    <message>
        <source>PROFCARDS &amp;handouts for the selected members…</source>
        <translation>&amp;Памятки ПРОФКАРДС для выбранных…</translation>
    </message>
    <message>
        <source>Hand-over &amp;sheet for the selected members…</source>
        <translation>&amp;Ведомость выдачи ЭПБ для выбранных…</translation>
    </message>
    <message>
        <source>Hand-over sheet for all cards «&amp;RECEIVED»…</source>
        <translation>Ведомость выдачи для всех билетов «&amp;ПОЛУЧЕН»…</translation>
    </message>
    <message>
        <source>Select members in the list first</source>
        <translation>Сначала выберите членов Профсоюза в списке</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Документы</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>A document is already being prepared</source>
        <translation>Документ уже готовится</translation>
    </message>
    <message>
        <source>Large document</source>
        <translation>Большой документ</translation>
    </message>
    <message>
        <source>The document has %1 pages — too many for the preview. Save it as a PDF file and print it from a PDF viewer.</source>
        <translation type="vanished">В документе %1 стр. — слишком много для предварительного просмотра. Сохраните его в файл PDF и напечатайте из программы просмотра PDF.</translation>
    </message>
    <message>
        <source>The document has %1 pages — too many for the preview. Print it now or save it as a PDF file?</source>
        <translation>В документе %1 стр. — слишком много для предварительного просмотра. Напечатать его сразу или сохранить в файл PDF?</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Напечатать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Sent to the printer: %1 pages</source>
        <translation>Отправлено на печать страниц: %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Printing cancelled</source>
        <translation>Печать отменена</translation>
    </message>
    <message>
        <source>The document could not be prepared. Try again; if it fails again, contact support.</source>
        <translation>Не удалось подготовить документ. Попробуйте ещё раз; если не получится — обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Every member on the register already has a consent on record.</source>
        <translation>У всех членов Профсоюза на учёте уже отмечено согласие.</translation>
    </message>
    <message>
        <source>There are no union cards with the status «RECEIVED».</source>
        <translation>Нет билетов в статусе «ПОЛУЧЕН».</translation>
    </message>
    <message>
        <source>There is nothing to print.</source>
        <translation>Печатать нечего.</translation>
    </message>
    <message>
        <source>Preparing consent forms…</source>
        <translation>Готовятся согласия…</translation>
    </message>
    <message>
        <source>Preparing PROFCARDS handouts…</source>
        <translation>Готовятся памятки ПРОФКАРДС…</translation>
    </message>
    <message>
        <source>Preparing the hand-over sheet…</source>
        <translation>Готовится ведомость выдачи…</translation>
    </message>
</context>
<context>
    <name>DuplicatesActions</name>
    <message>
        <source>Duplicates of members on the register…</source>
        <translation>Дубликаты членов Профсоюза на учёте…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicates of members on the register</source>
        <translation>Дубликаты членов Профсоюза на учёте</translation>
    </message>
    <message>
        <source>Cards on the register in your organisations that are one person: the same SNILS, or the same full name and date of birth without a SNILS</source>
        <translation>Карточки на учёте в ваших организациях, относящиеся к одному человеку: одинаковый СНИЛС или (без СНИЛС) одинаковые ФИО и дата рождения</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>SNILS (last digits)</source>
        <translation>СНИЛС (последние цифры)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Organisation (code)</source>
        <translation>Организация (код)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <source>full name and date of birth</source>
        <translation>ФИО и дата рождения</translation>
    </message>
    <message>
        <source>on the register</source>
        <translation>на учёте</translation>
    </message>
    <message>
        <source>Groups of cards that may be one person: %1. Leave one card on the register and remove the others as «ошибочная запись/дубликат», or transfer.</source>
        <translation>Групп карточек одного человека: %1. Оставьте на учёте одну карточку, остальные снимите с учёта как ошибочную запись или дубликат либо оформите перевод.</translation>
    </message>
    <message>
        <source>No duplicates among the members on the register.</source>
        <translation>Дубликатов среди членов Профсоюза на учёте нет.</translation>
    </message>
    <message>
        <source>Could not read the duplicates.</source>
        <translation>Не удалось прочитать дубликаты.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
    <message>
        <source>These rows name a person who is already on record: the same СНИЛС, or the same surname, name and birth date. Decide for each one what to do.</source>
        <translation>Эти строки называют человека, который уже есть в учёте: совпадает СНИЛС или фамилия, имя и дата рождения. Решите для каждой, что с ней сделать.</translation>
    </message>
    <message>
        <source>Do not wait for the registry</source>
        <translation>Не ждать проверки по реестру</translation>
    </message>
    <message>
        <source>For all:</source>
        <translation>Для всех:</translation>
    </message>
    <message>
        <source>Request a transfer…</source>
        <translation>Запросить перевод…</translation>
    </message>
    <message>
        <source>The person is on the register in another organisation: ask it to let them go</source>
        <translation>Человек состоит на учёте в другой организации: попросите её отпустить его</translation>
    </message>
    <message>
        <source>Possible duplicates: %1. Until you decide otherwise they are skipped.</source>
        <translation>Возможных дубликатов: %1. Пока вы не решите иначе, они будут пропущены.</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Дубликатов не найдено.</translation>
    </message>
    <message>
        <source>Checking against the union registry…</source>
        <translation>Проверка по реестру Профсоюза…</translation>
    </message>
    <message>
        <source>Checked against the union registry: %1 found in other organisations.</source>
        <translation>Проверено по реестру Профсоюза: найдено в других организациях: %1.</translation>
    </message>
    <message>
        <source>The check against the registry is unavailable without a connection.</source>
        <translation>Проверка по реестру недоступна без связи.</translation>
    </message>
</context>
<context>
    <name>EndOfficeDialog</name>
    <message>
        <source>End the office</source>
        <translation>Завершить полномочия</translation>
    </message>
    <message>
        <source>End the office «{office}».</source>
        <translation>Завершить полномочия: «{office}».</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>Последний день:</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy.</source>
        <translation>Введите дату в виде ДД.ММ.ГГГГ.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a spreadsheet</source>
        <extracomment>Rows of the sheet shown on the header-row step.</extracomment>
        <translation>Выбор таблицы</translation>
    </message>
    <message>
        <source>Members will be registered in «%1». An Excel workbook (.xlsx, .xls) or a CSV file will do. Nothing is saved until you confirm the import at the last step.</source>
        <translation>Члены Профсоюза будут поставлены на учёт в «%1». Подойдёт книга Excel (.xlsx, .xls) или файл CSV. Ничего не будет записано, пока вы не подтвердите загрузку на последнем шаге.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>Выбрать &amp;файл…</translation>
    </message>
    <message>
        <source>No suitable spreadsheet? Save the import template and fill it in…</source>
        <translation>Нет подходящей таблицы? Сохраните шаблон для загрузки и заполните его…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <source>Sheet «%1»: %2 filled rows.</source>
        <translation>Лист «%1»: заполненных строк — %2.</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n sheet(s); you can choose another one at the next step.</source>
        <translation>
            <numerusform>В файле %n лист; другой можно выбрать на следующем шаге.</numerusform>
            <numerusform>В файле %n листа; другой можно выбрать на следующем шаге.</numerusform>
            <numerusform>В файле %n листов; другой можно выбрать на следующем шаге.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Не удалось прочитать файл.</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>Файл нельзя загрузить.</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>11 digits; must not repeat another member&apos;s</source>
        <translation>11 цифр; не может совпадать со СНИЛС другого члена Профсоюза</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>In accordance with Federal Law No. 152-FZ “On Personal Data”, I give my consent to the processing of my personal data</source>
        <translation>В соответствии с Федеральным законом № 152-ФЗ «О персональных данных» даю своё согласие на обработку моих персональных данных</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Дата подписания</translation>
    </message>
    <message>
        <source>Unticking the box records that the member has revoked the consent: their data will no longer be sent to PROFCARDS.</source>
        <translation type="vanished">Снятие отметки означает отзыв согласия: данные члена Профсоюза перестанут передаваться в PROFCARDS.</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Дата отзыва</translation>
    </message>
    <message>
        <source>The day the member&apos;s written revocation arrived</source>
        <translation>День, когда поступил письменный отзыв члена Профсоюза</translation>
    </message>
    <message>
        <source>Unticking the box records that the member has revoked the consent: PROFCARDS gets a withdrawal with the next daily feed, and 30 days after the revocation the phone, e-mail and address (and the SNILS of a member no longer on the register) are erased everywhere.</source>
        <translation>Снятая отметка означает, что член Профсоюза отозвал согласие: со следующей ежедневной выгрузкой PROFCARDS получит отзыв, а через 30 дней после отзыва телефон, электронная почта и адрес (и СНИЛС того, кто уже не состоит на учёте) будут удалены везде.</translation>
    </message>
    <message>
        <source>Tick the box after the member has signed the paper consent form; the signed paper is kept by the union committee.</source>
        <translation>Отметьте после того, как член Профсоюза подписал бумажное согласие; подписанный экземпляр хранится в профкоме.</translation>
    </message>
    <message>
        <source>Consent form version {version}.</source>
        <translation>Форма согласия: версия {version}.</translation>
    </message>
    <message>
        <source>Recorded by {name}.</source>
        <translation>Отметил: {name}.</translation>
    </message>
    <message>
        <source>Revoked on {date}.</source>
        <translation>Отозвано {date}.</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) old</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Chair&apos;s guide</source>
        <translation>Руководство председателя</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Chair&apos;s &amp;guide</source>
        <translation>&amp;Руководство председателя</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>not connected (working offline)</source>
        <translation>не подключён (работа без связи)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Реестр: %1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Папка данных: %1</translation>
    </message>
    <message>
        <source>The register of members of the education workers&apos; union for chairs of primary, local and regional organisations.</source>
        <translation>Реестр членов Общероссийского Профсоюза образования для председателей первичных, местных и региональных организаций.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>&amp;Load members from a spreadsheet…</source>
        <extracomment>An import finished: the member list and the counts should be read again. «Запросить перевод» of a row found elsewhere (the transfer actions&apos; search).</extracomment>
        <translation>&amp;Загрузить членов из таблицы…</translation>
    </message>
    <message>
        <source>Save the import &amp;template…</source>
        <translation>Сохранить &amp;шаблон для загрузки…</translation>
    </message>
    <message>
        <source>Template for loading members.xlsx</source>
        <translation>Шаблон для загрузки членов Профсоюза.xlsx</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>Шаблон для загрузки</translation>
    </message>
    <message>
        <source>The template could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить шаблон. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Saving the template…</source>
        <translation>Сохранение шаблона…</translation>
    </message>
</context>
<context>
    <name>ImportDuplicates</name>
    <message>
        <source>Skip</source>
        <extracomment>Up to this many duplicates the decision combos are always open (else: on click).</extracomment>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Update the existing card</source>
        <translation>Обновить существующую карточку</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Создать всё равно</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Совпадает с</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Card in the database: %1</source>
        <translation>Карточка в базе: %1</translation>
    </message>
    <message>
        <source>Registered in another organisation: %1</source>
        <translation>Состоит на учёте в другой организации: %1</translation>
    </message>
    <message>
        <source>Row %1 of the file</source>
        <translation>Строка %1 этого файла</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Check the totals and press «Import». The rows are saved in one step: if you cancel or something fails, the database stays as it was.</source>
        <translation>Проверьте итоги и нажмите «Загрузить». Строки записываются за один шаг: при отмене или сбое база данных останется прежней.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Загрузить</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>New cards to create:</source>
        <translation>Будет создано новых карточек:</translation>
    </message>
    <message>
        <source>Existing cards to update:</source>
        <translation>Будет обновлено существующих карточек:</translation>
    </message>
    <message>
        <source>Duplicates to skip:</source>
        <translation>Будет пропущено дубликатов:</translation>
    </message>
    <message>
        <source>Rows with errors (not loaded):</source>
        <translation>Строк с ошибками (не загружаются):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>There is nothing to import: every row has errors or is a skipped duplicate.</source>
        <translation>Загружать нечего: во всех строках ошибки или это пропускаемые дубликаты.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена загрузки…</translation>
    </message>
    <message>
        <source>The import was cancelled. The database has not changed.</source>
        <translation>Загрузка отменена. База данных не изменилась.</translation>
    </message>
    <message>
        <source>The import failed, the database has not changed. Try again; if it fails again, save the spreadsheet anew or split it into smaller files.</source>
        <translation>Загрузка не удалась, база данных не изменилась. Попробуйте ещё раз; если ошибка повторится, пересохраните таблицу или разделите её на несколько файлов поменьше.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Error — not loaded</source>
        <extracomment>Cell backgrounds by the worst problem in the cell.</extracomment>
        <translation>Ошибка — не загружена</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <source>Has remarks</source>
        <translation>Есть замечания</translation>
    </message>
    <message>
        <source>Incomplete card</source>
        <translation>Неполная карточка</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готова</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Row number in the file</source>
        <translation>Номер строки в файле</translation>
    </message>
    <message>
        <source>Column %1 of the file: «%2»</source>
        <translation>Столбец %1 файла: «%2»</translation>
    </message>
    <message>
        <source>Not filled in (the card will be incomplete): %1</source>
        <translation>Не заполнено (карточка будет неполной): %1</translation>
    </message>
    <message>
        <source>In the file: «%1»</source>
        <translation>В файле: «%1»</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choose a spreadsheet</source>
        <extracomment>Remembered column mappings, beside the account&apos;s database (headers only, no personal data).</extracomment>
        <translation>Выберите таблицу</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</source>
        <translation>Таблицы (*.xlsx *.xlsm *.xls *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Load members from a spreadsheet</source>
        <extracomment>The import finished (the ImportReport): the member list should be read again. «Сохранить шаблон…» was asked for from the first step. The registry check started, finished or turned out unavailable. Opens «Принять переводом» searching for a row&apos;s person (None: not offered).</extracomment>
        <translation>Загрузка членов Профсоюза из таблицы</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>import</source>
        <translation>загрузка</translation>
    </message>
    <message>
        <source>Import report — %1.xlsx</source>
        <translation>Отчёт о загрузке — %1.xlsx</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Сохранение отчёта…</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Отчёт о загрузке</translation>
    </message>
    <message>
        <source>The report could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить отчёт. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>IssuedPasswordDialog</name>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>Login created</source>
        <translation>Учётная запись создана</translation>
    </message>
    <message>
        <source>Print the access sheet and hand it to the chair. The password is shown only now: after this window is closed nobody can see it again (a new one can be issued). It must be changed at the first sign-in.</source>
        <translation>Распечатайте лист доступа и передайте его председателю. Пароль показан только сейчас: после закрытия окна его не увидит никто (можно выдать новый). При первом входе его нужно сменить.</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>One-time password:</source>
        <translation>Временный пароль:</translation>
    </message>
    <message>
        <source>Print the access sheet…</source>
        <translation>Печать листа доступа…</translation>
    </message>
    <message>
        <source>Access sheet %1</source>
        <extracomment>The sheet&apos;s PDF while its preview is open (tests read it back).</extracomment>
        <translation>Лист доступа %1</translation>
    </message>
    <message>
        <source>The access sheet could not be prepared. Try again.</source>
        <translation>Не удалось подготовить лист доступа. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>LifecycleDialog</name>
    <message>
        <source>Remove from the register</source>
        <extracomment>``submit(dialog)`` starts the change; the dialog waits for :meth:`LifecycleDialog.failed` or :meth:`LifecycleDialog.succeeded`.</extracomment>
        <translation>Снять с учёта</translation>
    </message>
    <message>
        <source>Restore on the register</source>
        <translation>Восстановить на учёте</translation>
    </message>
    <message>
        <source>Remove «{name}» from the union register.</source>
        <translation>Снять с профсоюзного учёта: «{name}».</translation>
    </message>
    <message>
        <source>Restore «{name}» on the union register.</source>
        <translation>Восстановить на профсоюзном учёте: «{name}».</translation>
    </message>
    <message numerus="yes">
        <source>Selected: %n union member(s).</source>
        <translation>
            <numerusform>Выбран %n член Профсоюза.</numerusform>
            <numerusform>Выбрано %n члена Профсоюза.</numerusform>
            <numerusform>Выбрано %n членов Профсоюза.</numerusform>
        </translation>
    </message>
    <message>
        <source>The member stays in the database among those removed (filter «Removed from the register») with the history event; a live electronic union card becomes CANCELLED and PROFCARDS is told with the next daily feed. A transfer to another organisation has its own action.</source>
        <translation>Член Профсоюза остаётся в базе среди снятых с учёта (фильтр «Снятые с учёта»), в истории появляется событие; действующий ЭПБ становится АННУЛИРОВАН, и со следующей ежедневной выгрузкой PROFCARDS получит отзыв. Для перевода в другую организацию есть отдельное действие.</translation>
    </message>
    <message>
        <source>The member is on the register again from this date; the history keeps both the removal and the restoration. A cancelled union card stays cancelled: order a new one if needed.</source>
        <translation>С этой даты член Профсоюза снова на учёте; в истории остаются и снятие, и восстановление. Аннулированный ЭПБ остаётся аннулированным: при необходимости закажите новый.</translation>
    </message>
    <message>
        <source>— choose the reason —</source>
        <translation>— выберите причину —</translation>
    </message>
    <message>
        <source>e.g. the number and date of the decision</source>
        <translation>например, номер и дата решения</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>Дата снятия:</translation>
    </message>
    <message>
        <source>Restored on:</source>
        <translation>Дата восстановления:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose the reason for the removal.</source>
        <translation>Выберите причину снятия с учёта.</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy.</source>
        <translation>Введите дату в виде ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Дата не может быть в будущем.</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Include members removed from the register</source>
        <translation>Включить снятых с учёта</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To (inclusive):</source>
        <translation>По (включительно):</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Колонки:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter both dates as dd.mm.yyyy</source>
        <translation>Введите обе даты в виде дд.мм.гггг</translation>
    </message>
    <message>
        <source>The period starts after it ends</source>
        <translation>Начало периода позже его конца</translation>
    </message>
    <message>
        <source>Choose at least one column</source>
        <translation>Выберите хотя бы одну колонку</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Список сохраняется…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>The list could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить список. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>regional organisation</source>
        <translation>региональная организация</translation>
    </message>
    <message>
        <source>local organisation</source>
        <translation>местная организация</translation>
    </message>
    <message>
        <source>primary organisation</source>
        <translation>первичная организация</translation>
    </message>
    <message>
        <source>Sign in to the union registry</source>
        <translation>Вход в реестр Профсоюза</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Запомнить меня</translation>
    </message>
    <message>
        <source>«Remember me» is not available: this computer has no password storage. You will be asked for the password at every start.</source>
        <translation>«Запомнить меня» недоступно: на этом компьютере нет хранилища паролей. Пароль будет спрашиваться при каждом запуске.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Работать без связи</translation>
    </message>
    <message>
        <source>Open the data saved on this computer; changes are sent when the server is back</source>
        <translation>Открыть данные, сохранённые на этом компьютере; изменения будут отправлены, когда сервер станет доступен</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Your session has ended. Enter the password to continue; the data on this computer stay open.</source>
        <translation>Сеанс завершён. Введите пароль, чтобы продолжить; данные на этом компьютере остаются открытыми.</translation>
    </message>
    <message>
        <source>Demo mode. Choose a demo user — the login and password are filled in for you:</source>
        <translation>Демонстрационный режим. Выберите пользователя — логин и пароль подставятся сами:</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>This is your first sign-in with this password. Please choose a new password that only you know: at least 10 characters and not a common one (such as «qwerty123456» or «пароль2024»); three or four unrelated words joined by hyphens make a good one.</source>
        <translation>Вы входите с этим паролем впервые. Придумайте новый пароль, который знаете только вы: не короче 10 символов и не из распространённых («qwerty123456», «пароль2024» не подойдут). Хороший пароль — три-четыре не связанных слова через дефис.</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Enter the server address, the login and the password.</source>
        <translation>Укажите адрес сервера, логин и пароль.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>Новый пароль должен отличаться от прежнего.</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>Сменить пароль и войти</translation>
    </message>
    <message>
        <source>Cannot reach the registry server at %1. Check the address and the Internet connection, then try again.</source>
        <translation>Не удалось связаться с сервером реестра %1. Проверьте адрес и подключение к интернету и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>You can also work offline with the data saved on this computer.</source>
        <translation>Можно также работать без связи с данными, сохранёнными на этом компьютере.</translation>
    </message>
    <message>
        <source>The registry server is having trouble. Please try again later.</source>
        <translation>На сервере реестра сбой. Попробуйте позже.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Не удалось войти: %1</translation>
    </message>
</context>
<context>
    <name>LogoutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Sign out of the account? The saved sign-in is removed from this computer; next time the password is asked for.</source>
        <translation>Выйти из учётной записи? Сохранённый вход будет удалён с этого компьютера; в следующий раз программа спросит пароль.</translation>
    </message>
    <message>
        <source>Also delete the data of this account from this computer</source>
        <translation>Удалить также данные этой учётной записи с компьютера</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) have not reached the registry yet. If you delete the data, they are lost. Synchronise first (F5) to keep them.</source>
        <translation>
            <numerusform>%Ln изменение ещё не передано в реестр. Если удалить данные, оно пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
            <numerusform>%Ln изменения ещё не переданы в реестр. Если удалить данные, они пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
            <numerusform>%Ln изменений ещё не передано в реестр. Если удалить данные, они пропадут. Чтобы сохранить, сначала синхронизируйте (F5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chair&apos;s Workplace</source>
        <extracomment>The tree is loaded, an organisation chosen and its first member rows are on screen. Файл → Выйти из учётной записи (only offered when signed in to a registry).</extracomment>
        <translation>Рабочее место председателя</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Union members</source>
        <translation>Члены Профсоюза</translation>
    </message>
    <message>
        <source>Card requests</source>
        <translation>Заявки на ЭПБ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Your organisation and its members will appear here after the first synchronisation with the union registry.</source>
        <translation>Ваша организация и её члены Профсоюза появятся здесь после первой синхронизации с реестром Профсоюза.</translation>
    </message>
    <message>
        <source>There are no organisations in the database yet</source>
        <translation>В базе пока нет ни одной организации</translation>
    </message>
    <message>
        <source>Could not read the data. Press F5 to try again; if that does not help, restart the program.</source>
        <translation>Не удалось прочитать данные. Нажмите F5, чтобы попробовать ещё раз; если не поможет — перезапустите программу.</translation>
    </message>
    <message>
        <source>&amp;Find a member</source>
        <translation>&amp;Найти члена Профсоюза</translation>
    </message>
    <message>
        <source>&amp;New union member</source>
        <translation>&amp;Новый член Профсоюза</translation>
    </message>
    <message>
        <source>&amp;Open member card</source>
        <translation>&amp;Открыть карточку</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Read the data again (F5)</source>
        <translation>Заново прочитать данные (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="vanished">&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;Conflicting changes…</source>
        <translation>&amp;Конфликты изменений…</translation>
    </message>
    <message>
        <source>Re&amp;jected changes…</source>
        <translation>&amp;Отклонённые изменения…</translation>
    </message>
    <message>
        <source>Sign &amp;out of the account</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Члены Профсоюза</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Synchronisation is already running</source>
        <translation>Синхронизация уже идёт</translation>
    </message>
    <message>
        <source>Synchronise with the registry (F5)</source>
        <translation>Синхронизировать с реестром (F5)</translation>
    </message>
    <message>
        <source>&amp;Synchronise</source>
        <translation>&amp;Синхронизировать</translation>
    </message>
    <message>
        <source>registry code %1</source>
        <translation>код в реестре %1</translation>
    </message>
    <message>
        <source>Central union body</source>
        <translation>Профсоюз</translation>
    </message>
    <message>
        <source>Regional organisation</source>
        <translation>Региональная организация Профсоюза</translation>
    </message>
    <message>
        <source>Local organisation</source>
        <translation>Местная организация Профсоюза</translation>
    </message>
    <message>
        <source>Primary union organisation</source>
        <translation>Первичная профсоюзная организация</translation>
    </message>
    <message>
        <source>About</source>
        <translation type="vanished">О программе</translation>
    </message>
    <message>
        <source>Chair&apos;s Workplace

The register of members of the education workers&apos; union for chairs of primary, local and regional organisations.</source>
        <translation type="vanished">Рабочее место председателя

Учёт членов Профсоюза для председателей первичных, местных и региональных организаций Профсоюза.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Choose which card field each column holds. Columns set to «do not load» are ignored. The choice is remembered for files with the same columns.</source>
        <translation>Укажите, какое поле карточки в каждом столбце. Столбцы «не загружать» пропускаются. Выбор запоминается для файлов с такими же столбцами.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Заголовок в файле</translation>
    </message>
    <message>
        <source>Example values</source>
        <translation>Примеры значений</translation>
    </message>
    <message>
        <source>Load as</source>
        <translation>Загружать как</translation>
    </message>
    <message>
        <source>The columns are matched as at the previous import of a file with these columns.</source>
        <translation>Столбцы сопоставлены так же, как при прошлой загрузке файла с такими столбцами.</translation>
    </message>
    <message>
        <source>The columns are matched by their names; check them and correct where needed.</source>
        <translation>Столбцы сопоставлены по их названиям; проверьте и при необходимости исправьте.</translation>
    </message>
    <message>
        <source>— do not load —</source>
        <translation>— не загружать —</translation>
    </message>
    <message>
        <source>Required card fields:</source>
        <translation>Обязательные поля карточки:</translation>
    </message>
    <message>
        <source>Fields without a column leave the cards incomplete; the surname and the name (or the full name in one column) are always needed.</source>
        <translation>Без столбца для обязательного поля карточки будут неполными; фамилия и имя (или ФИО в одном столбце) нужны всегда.</translation>
    </message>
</context>
<context>
    <name>MemberCardDialog</name>
    <message>
        <source>Loading…</source>
        <extracomment>Checks a new card against this database and the registry before saving (set by the member list; None: saved without asking). ``_checked``: the chair decided.</extracomment>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Work and study</source>
        <translation>Работа и учёба</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Членство</translation>
    </message>
    <message>
        <source>Union card</source>
        <translation>ЭПБ</translation>
    </message>
    <message>
        <source>Union offices</source>
        <translation>Профсоюзные должности</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save and keep the card open (Ctrl+S)</source>
        <translation>Сохранить и продолжить работу с карточкой (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Сохранить и закрыть</translation>
    </message>
    <message>
        <source>Save and close the card (Ctrl+Enter)</source>
        <translation>Сохранить и закрыть карточку (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The card could not be opened. It may have been deleted; close this window and refresh the list.</source>
        <translation>Не удалось открыть карточку. Возможно, она удалена; закройте окно и обновите список.</translation>
    </message>
    <message>
        <source>Saved, but the card could not be re-read.</source>
        <translation>Сохранено, но карточку не удалось перечитать.</translation>
    </message>
    <message>
        <source>Enter the date the consent was signed</source>
        <translation>Укажите дату подписания согласия</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy</source>
        <translation>Укажите дату в виде ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <source>The date cannot be in the future</source>
        <translation>Дата не может быть в будущем</translation>
    </message>
    <message>
        <source>Enter the date the consent was revoked</source>
        <translation>Укажите дату отзыва согласия</translation>
    </message>
    <message>
        <source>Required fields filled: {filled} of {total}</source>
        <translation>Заполнено обязательных полей: {filled} из {total}</translation>
    </message>
    <message>
        <source>The card is not complete: {fields}.</source>
        <translation>Карточка не заполнена: {fields}.</translation>
    </message>
    <message>
        <source>You can save it as it is and fill in the rest later.</source>
        <translation>Её можно сохранить и дозаполнить позже.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red; nothing was saved.</source>
        <translation>Исправьте поля, отмеченные красным; ничего не сохранено.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Изменений нет.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Checking whether the person is already on record…</source>
        <translation>Проверяем, нет ли уже этого человека в учёте…</translation>
    </message>
    <message>
        <source>The person may already be on record.</source>
        <translation>Возможно, этот человек уже есть в учёте.</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Сохранено в {time}.</translation>
    </message>
    <message>
        <source>The card was not saved.</source>
        <translation>Карточка не сохранена.</translation>
    </message>
    <message>
        <source>The card was not saved</source>
        <translation>Карточка не сохранена</translation>
    </message>
    <message>
        <source>The card could not be saved because of an internal error. Your entries are still in the form: try again, or write them down and contact support.</source>
        <translation>Карточку не удалось сохранить из-за внутренней ошибки. Введённые данные остались в форме: попробуйте ещё раз или перепишите их и обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>New union member</source>
        <translation>Новый член Профсоюза</translation>
    </message>
    <message>
        <source>Member card: {name}</source>
        <translation>Учётная карточка: {name}</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Учётная карточка</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>Категория члена Профсоюза</translation>
    </message>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>Removed from the register</source>
        <translation>Снятые с учёта</translation>
    </message>
    <message>
        <source>On the register and removed</source>
        <translation>На учёте и снятые</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>Состоит на учёте или снят с учёта</translation>
    </message>
    <message>
        <source>Consent: any</source>
        <translation>Согласие: все</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие есть</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Согласия нет</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Card: any status</source>
        <translation>ЭПБ: все статусы</translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>ЭПБ: %1</translation>
    </message>
    <message>
        <source>Status of the electronic union card</source>
        <translation>Статус электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Карточки: все</translation>
    </message>
    <message>
        <source>Card filled in</source>
        <translation>Карточка заполнена</translation>
    </message>
    <message>
        <source>Card not filled in</source>
        <translation>Карточка не заполнена</translation>
    </message>
    <message>
        <source>Are all required fields of the member card filled in?</source>
        <translation>Заполнены ли все обязательные поля учётной карточки</translation>
    </message>
    <message>
        <source>Show the list without this condition</source>
        <translation>Показать список без этого условия</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Show everyone on the register again</source>
        <translation>Снова показать всех, кто состоит на учёте</translation>
    </message>
</context>
<context>
    <name>MemberListPanel</name>
    <message>
        <source>Search: surname, first name, patronymic, SNILS or card number</source>
        <extracomment>(rows shown, active members in total, whether a search or filter narrows the list) The rows at the top of the table are on screen (or the list is empty). Something was saved through a member card (the member&apos;s id). A new card&apos;s duplicate check (``ui.member_card.elsewhere.PersonCheck``), set by the main window&apos;s transfer actions; None: new cards are saved without asking.</extracomment>
        <translation>Поиск: фамилия, имя, отчество, СНИЛС или номер ЭПБ</translation>
    </message>
    <message>
        <source>Ctrl+F — go to search; ↓ — go to the list</source>
        <translation>Ctrl+F — перейти к поиску; ↓ — перейти к списку</translation>
    </message>
    <message>
        <source>New union member</source>
        <translation>Новый член Профсоюза</translation>
    </message>
    <message>
        <source>Fill in the card of a new member (Ctrl+N)</source>
        <translation>Заполнить карточку нового члена Профсоюза (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nobody matches the chosen filters.
Press «Reset filters» to see everyone on the register.</source>
        <translation>Под выбранные условия никто не подходит.
Нажмите «Сбросить фильтры», чтобы снова увидеть всех, кто на учёте.</translation>
    </message>
    <message>
        <source>Nobody found for «%1».
Check the spelling; part of the surname is enough.</source>
        <translation>Никто не найден по запросу «%1».
Проверьте написание; достаточно части фамилии.</translation>
    </message>
    <message>
        <source>There are no union members in this organisation yet.
Press «New union member» to fill in the first card.</source>
        <translation>В этой организации пока нет членов Профсоюза.
Нажмите «Новый член Профсоюза», чтобы заполнить первую карточку.</translation>
    </message>
    <message>
        <source>Could not read the member list from the database.</source>
        <translation>Не удалось прочитать список членов Профсоюза из базы данных.</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Учётная карточка</translation>
    </message>
    <message>
        <source>The member card is not available yet.</source>
        <translation>Учётная карточка пока недоступна.</translation>
    </message>
</context>
<context>
    <name>MemberTable</name>
    <message>
        <source>Full name</source>
        <extracomment>Member category code → its name from the reference list (data, already Russian).</extracomment>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>The organisation the member is registered in</source>
        <translation>Организация, в которой член Профсоюза состоит на учёте</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рожд.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Card status</source>
        <translation>Статус ЭПБ</translation>
    </message>
    <message>
        <source>Status of the electronic union card</source>
        <translation>Статус электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер ЭПБ</translation>
    </message>
    <message>
        <source>Number of the electronic union card</source>
        <translation>Номер электронного профсоюзного билета</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Are all required fields of the card filled in?</source>
        <translation>Заполнены ли все обязательные поля учётной карточки</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Учёт</translation>
    </message>
    <message>
        <source>On the register or removed from it</source>
        <translation>Состоит на учёте или снят с учёта</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>not filled in</source>
        <translation>не заполнена</translation>
    </message>
    <message>
        <source>on the register</source>
        <translation>на учёте</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>снят с учёта</translation>
    </message>
    <message>
        <source>Some required fields are empty. Open the card to see which.</source>
        <extracomment>A query finished: (rows shown, active members of the organisations in total). Rows of page ``n`` of the current query arrived. Background work failed (the text is safe to show; no personal data). The organisation&apos;s member count (for &quot;shown N of M&quot;), kept while neither the organisations nor the data (``_epoch``) change: typing does not recount it. How long the last query took on its reader thread (ids, total, first page).</extracomment>
        <translation>Не заполнены обязательные поля. Откройте карточку, чтобы увидеть, какие.</translation>
    </message>
</context>
<context>
    <name>MembershipTab</name>
    <message>
        <source>Organisation of registration</source>
        <translation>Организация учёта</translation>
    </message>
    <message>
        <source>For a transfer: the date of joining the union, not of joining this organisation</source>
        <translation>При переводе — дата вступления в Профсоюз, а не в эту организацию</translation>
    </message>
    <message>
        <source>Remove from the register…</source>
        <translation>Снять с учёта…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <source>Membership history</source>
        <translation>История членства</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>The history is kept by separate actions (transfer, removal from the register, restoration) and cannot be edited here.</source>
        <translation>История ведётся отдельными действиями (перевод, снятие с учёта, восстановление) и здесь не редактируется.</translation>
    </message>
    <message>
        <source>Removed from the register</source>
        <translation>Снят с учёта</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>{date}</translation>
    </message>
    <message>
        <source>On the register</source>
        <translation>На учёте</translation>
    </message>
    <message>
        <source>No events yet: they appear after saving</source>
        <translation>Событий пока нет: они появятся после сохранения</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Постановка на учёт</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>Перевод из другой ППО</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Перевод в другую ППО</translation>
    </message>
    <message>
        <source>Category changed</source>
        <translation>Смена категории</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <source>from {org}</source>
        <translation>из {org}</translation>
    </message>
    <message>
        <source>to {org}</source>
        <translation>в {org}</translation>
    </message>
</context>
<context>
    <name>OfficesTab</name>
    <message>
        <source>Office</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Орган</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Appoint to an office…</source>
        <translation>Назначить на должность…</translation>
    </message>
    <message>
        <source>End the office…</source>
        <translation>Завершить полномочия…</translation>
    </message>
    <message>
        <source>Delete a mistaken entry</source>
        <translation>Удалить ошибочную запись</translation>
    </message>
    <message>
        <source>For an office entered by mistake; an office that was held is ended instead</source>
        <translation>Для должности, внесённой по ошибке; если должность занимали, завершите полномочия</translation>
    </message>
    <message>
        <source>The offices count in section III of the 5-SP report; the chair and the deputy of the organisation&apos;s passport are taken from them.</source>
        <translation>Должности учитываются в разделе III отчёта 5-СП; председатель и заместитель в паспорте организации берутся из них.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>по настоящее время</translation>
    </message>
    <message>
        <source>Nothing was saved because of an internal error.</source>
        <translation>Из-за внутренней ошибки ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>OperatorTab</name>
    <message>
        <source>The operator and its processors are printed on every consent form of this organisation and of all organisations below it.</source>
        <translation>Оператор и обработчики печатаются на каждом согласии этой организации и всех нижестоящих.</translation>
    </message>
    <message>
        <source>Processors</source>
        <translation>Обработчики ПДн</translation>
    </message>
    <message>
        <source>Set by the regional organisation and inherited by every organisation below it. To change it, contact the regional organisation.</source>
        <translation>Задаётся региональной организацией и действует для всех нижестоящих. Чтобы изменить, обратитесь в региональную организацию.</translation>
    </message>
    <message>
        <source>Union-wide processors, printed on every consent before the ones above (one setting for the whole union): {names}.</source>
        <translation>Обработчики для всего Профсоюза (единая настройка Профсоюза, в согласии печатаются перед указанными выше): {names}.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <source>Find an organisation</source>
        <extracomment>The tree was (re)loaded: the number of organisations.</extracomment>
        <translation>Найти организацию</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <source>Show closed (liquidated or merged) organisations with their history</source>
        <translation>Показать закрытые (ликвидированные или присоединённые) организации с их историей</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Членов</translation>
    </message>
    <message>
        <source>%1
Registry code: %2</source>
        <translation>%1
Код в реестре: %2</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>закрыта %1</translation>
    </message>
    <message>
        <source>Merged into another organisation on %1</source>
        <translation>Присоединена к другой организации %1 (слияние)</translation>
    </message>
    <message>
        <source>Liquidated on %1</source>
        <translation>Ликвидирована %1</translation>
    </message>
    <message>
        <source>Members on the register, including subordinate organisations</source>
        <translation>Членов Профсоюза на учёте, включая подчинённые организации</translation>
    </message>
    <message>
        <source>Members on the register</source>
        <translation>Членов Профсоюза на учёте</translation>
    </message>
</context>
<context>
    <name>PassportForm</name>
    <message>
        <source>Choose an organisation in the tree on the left.</source>
        <translation>Выберите организацию в дереве слева.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the passport (Ctrl+S)</source>
        <translation>Сохранить паспорт (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Return to the values last saved</source>
        <translation>Вернуть последние сохранённые значения</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>A change of the name is kept in the name history.</source>
        <translation>Изменение наименования сохраняется в истории наименований.</translation>
    </message>
    <message>
        <source>Shown in lists, reports and on printed forms.</source>
        <translation>Используется в списках, отчётах и печатных формах.</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 цифр</translation>
    </message>
    <message>
        <source>13 digits</source>
        <translation>13 цифр</translation>
    </message>
    <message>
        <source>10 digits for an organisation, 12 for an entrepreneur</source>
        <translation>10 цифр у организации, 12 — у индивидуального предпринимателя</translation>
    </message>
    <message>
        <source>No more than 5 years after the election</source>
        <translation>Не более 5 лет со дня избрания</translation>
    </message>
    <message>
        <source>These numbers are the denominators of the 5-SP report (union coverage).</source>
        <translation>По этим числам считается охват профсоюзным членством в отчёте 5-СП.</translation>
    </message>
    <message>
        <source>Aged 35 or younger</source>
        <translation>В возрасте до 35 лет включительно</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 цифр</translation>
    </message>
    <message>
        <source>For example school5.ru</source>
        <translation>Например, school5.ru</translation>
    </message>
    <message>
        <source>Superior organisation</source>
        <translation>Вышестоящая организация</translation>
    </message>
    <message>
        <source>Social partnership</source>
        <translation>Соцпартнёрство</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Taken from the union offices of the members: change them in the member card, tab «Union offices»</source>
        <translation>Берётся из профсоюзных должностей членов Профсоюза: изменяется в карточке члена Профсоюза, вкладка «Профсоюзные должности»</translation>
    </message>
    <message>
        <source>The passport could not be opened.</source>
        <translation>Не удалось открыть паспорт.</translation>
    </message>
    <message>
        <source>Required fields filled: {filled} of {total}</source>
        <translation>Заполнено обязательных полей: {filled} из {total}</translation>
    </message>
    <message>
        <source>The passport is not complete: {fields}.</source>
        <translation>Паспорт не заполнен: {fields}.</translation>
    </message>
    <message>
        <source>Fix the fields marked in red; nothing was saved.</source>
        <translation>Исправьте поля, отмеченные красным; ничего не сохранено.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Изменений нет.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>Сохранено в {time}.</translation>
    </message>
    <message>
        <source>The passport was not saved.</source>
        <translation>Паспорт не сохранён.</translation>
    </message>
    <message>
        <source>The passport was not saved</source>
        <translation>Паспорт не сохранён</translation>
    </message>
    <message>
        <source>The passport could not be saved because of an internal error. Your entries are still in the form: try again later.</source>
        <translation>Паспорт не удалось сохранить из-за внутренней ошибки. Введённые данные остались в форме: попробуйте ещё раз позже.</translation>
    </message>
    <message>
        <source>The passport of {name} has unsaved changes.</source>
        <translation>В паспорте организации «{name}» есть несохранённые изменения.</translation>
    </message>
</context>
<context>
    <name>PassportTab</name>
    <message>
        <source>The organisation passport is not available yet.</source>
        <translation>Паспорт организации пока недоступен.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview — %1</source>
        <translation>Предварительный просмотр — %1</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file</source>
        <translation>Сохранить документ в файл PDF</translation>
    </message>
</context>
<context>
    <name>PersonCheck</name>
    <message>
        <source>On the register in the organisation %1 (union registry)</source>
        <extracomment>Finds a person in the registry (the transfer actions&apos; client); raises when offline. Opens «Принять переводом» searching for a query.</extracomment>
        <translation>Состоит на учёте в организации %1 (реестр Профсоюза)</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Возможный дубликат</translation>
    </message>
    <message>
        <source>This person may already be on record:</source>
        <translation>Возможно, этот человек уже есть в учёте:</translation>
    </message>
    <message>
        <source>One person is on the register in one organisation only: request a transfer from that organisation.</source>
        <translation>Человек состоит на учёте только в одной организации: запросите перевод из этой организации.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Request a transfer…</source>
        <translation>Запросить перевод…</translation>
    </message>
    <message>
        <source>Back to the card</source>
        <translation>Вернуться к карточке</translation>
    </message>
</context>
<context>
    <name>PickMembersDialog</name>
    <message>
        <source>Add to the card request</source>
        <translation>Добавить в заявку на ЭПБ</translation>
    </message>
    <message>
        <source>Find by name…</source>
        <translation>Поиск по ФИО…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Поиск:</translation>
    </message>
    <message numerus="yes">
        <source>Chosen: %n union member(s)</source>
        <translation>
            <numerusform>Выбран %n член Профсоюза</numerusform>
            <numerusform>Выбрано %n члена Профсоюза</numerusform>
            <numerusform>Выбрано %n членов Профсоюза</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <extracomment>Column widths follow the header and the values of this many first rows, up to a limit.</extracomment>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Each row of the file as it will be loaded. Point at a coloured cell to see what is wrong with it; rows with errors are not loaded — correct them in the file and choose it again.</source>
        <translation>Каждая строка файла так, как она будет загружена. Наведите указатель на цветную ячейку, чтобы увидеть, что с ней не так; строки с ошибками не загружаются — исправьте их в файле и выберите его заново.</translation>
    </message>
    <message>
        <source>error: the row is not loaded</source>
        <translation>ошибка: строка не загружается</translation>
    </message>
    <message>
        <source>remark</source>
        <translation>замечание</translation>
    </message>
    <message>
        <source>required field is empty</source>
        <translation>не заполнено обязательное поле</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Проверка строк…</translation>
    </message>
    <message>
        <source>The rows could not be checked. Go back and choose the file again.</source>
        <translation>Не удалось проверить строки. Вернитесь назад и выберите файл заново.</translation>
    </message>
    <message>
        <source>Select a row to see all its problems here.</source>
        <translation>Выберите строку — здесь будут перечислены все её замечания.</translation>
    </message>
    <message>
        <source>Row %1: no problems found.</source>
        <translation>Строка %1: замечаний нет.</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Все (%1)</translation>
    </message>
    <message>
        <source>With errors (%1)</source>
        <translation>С ошибками (%1)</translation>
    </message>
    <message>
        <source>Duplicates (%1)</source>
        <translation>Дубликаты (%1)</translation>
    </message>
    <message>
        <source>Rows in the file: %1. With errors (will not be loaded): %2. Possible duplicates: %3. Cards that will be incomplete: %4.</source>
        <translation>Строк в файле: %1. С ошибками (не будут загружены): %2. Возможных дубликатов: %3. Неполных карточек будет: %4.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ProcessorsEditor</name>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Add processor</source>
        <translation>Добавить обработчика</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Удалить выбранных</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <source>Rejected changes</source>
        <translation>Отклонённые изменения</translation>
    </message>
    <message>
        <source>The registry did not accept these changes. The card shows the registry&apos;s values again; correct the card if needed and discard the rejected change.</source>
        <translation>Реестр не принял эти изменения. В карточке снова значения из реестра; при необходимости исправьте карточку и отмените отклонённое изменение.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Form &amp;5-SP…</source>
        <translation>Форма &amp;5-СП…</translation>
    </message>
    <message>
        <source>&amp;Selected members to Excel…</source>
        <translation>&amp;Выбранных — в Excel…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <source>&amp;Lists to Excel</source>
        <translation>&amp;Списки в Excel</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Список сохраняется…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>The list could not be saved. Check that the file is not open in Excel and try again.</source>
        <translation>Не удалось сохранить список. Проверьте, что файл не открыт в Excel, и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>&amp;Members (choose the columns)…</source>
        <translation>&amp;Члены Профсоюза (выбор колонок)…</translation>
    </message>
    <message>
        <source>Members &amp;without a consent…</source>
        <translation>&amp;Без согласия на обработку ПДн…</translation>
    </message>
    <message>
        <source>Members without an &amp;electronic union card…</source>
        <translation>Без &amp;электронного профсоюзного билета…</translation>
    </message>
    <message>
        <source>&amp;Cards to hand out…</source>
        <translation>&amp;Билеты к выдаче…</translation>
    </message>
    <message>
        <source>&amp;Birthdays in a period…</source>
        <translation>&amp;Дни рождения за период…</translation>
    </message>
    <message>
        <source>&amp;Removed from the register in a period…</source>
        <translation>&amp;Снятые с учёта за период…</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Отчёт сохранён</translation>
    </message>
    <message>
        <source>The report is saved:</source>
        <translation>Отчёт сохранён:</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Открыть файл</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>New cards created:</source>
        <translation>Создано новых карточек:</translation>
    </message>
    <message>
        <source>Existing cards updated:</source>
        <translation>Обновлено существующих карточек:</translation>
    </message>
    <message>
        <source>Skipped (duplicates):</source>
        <translation>Пропущено (дубликаты):</translation>
    </message>
    <message>
        <source>Refused (errors):</source>
        <translation>Отклонено (ошибки):</translation>
    </message>
    <message>
        <source>Of the saved cards, incomplete:</source>
        <translation>Из записанных карточек неполных:</translation>
    </message>
    <message>
        <source>&amp;Save the report…</source>
        <translation>&amp;Сохранить отчёт…</translation>
    </message>
    <message>
        <source>The report lists every row of the file with what happened to it and why. The new cards are sent to the registry at the next synchronisation.</source>
        <translation>В отчёте — каждая строка файла: что с ней сделано и почему. Новые карточки уйдут в реестр при следующей синхронизации.</translation>
    </message>
    <message>
        <source>The members from «%1» are in the list.</source>
        <translation>Члены Профсоюза из «%1» — в списке.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Appoint «{name}» to a union office.</source>
        <translation>Назначить на профсоюзную должность: «{name}».</translation>
    </message>
    <message numerus="yes">
        <source>Selected: %n union member(s).</source>
        <translation>
            <numerusform>Выбран %n член Профсоюза.</numerusform>
            <numerusform>Выбрано %n члена Профсоюза.</numerusform>
            <numerusform>Выбрано %n членов Профсоюза.</numerusform>
        </translation>
    </message>
    <message>
        <source>Appoint to a union office</source>
        <translation>Назначить на профсоюзную должность</translation>
    </message>
    <message>
        <source>Appoint</source>
        <translation>Назначить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>— choose the office —</source>
        <translation>— выберите должность —</translation>
    </message>
    <message>
        <source>e.g. «primary school» for a union group</source>
        <translation>например, «начальная школа» для профгруппы</translation>
    </message>
    <message>
        <source>Leave empty while the office is held; the end of the term may be entered ahead</source>
        <translation>Оставьте пустым, пока полномочия действуют; окончание срока можно указать заранее</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Орган:</translation>
    </message>
    <message>
        <source>Which one:</source>
        <translation>Какой (какая):</translation>
    </message>
    <message>
        <source>Elected on:</source>
        <translation>Дата избрания:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Choose the office.</source>
        <translation>Выберите должность.</translation>
    </message>
    <message>
        <source>Enter the date of the election as dd.mm.yyyy.</source>
        <translation>Введите дату избрания в виде ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <source>The date of the election cannot be in the future.</source>
        <translation>Дата избрания не может быть в будущем.</translation>
    </message>
    <message>
        <source>Enter the end date as dd.mm.yyyy or leave it empty.</source>
        <translation>Введите дату окончания в виде ДД.ММ.ГГГГ или оставьте поле пустым.</translation>
    </message>
    <message>
        <source>The end cannot be before the election.</source>
        <translation>Окончание не может быть раньше избрания.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header row</source>
        <translation>Лист и строка заголовков</translation>
    </message>
    <message>
        <source>Check that the highlighted row holds the column names. If not, click the right row or enter its number.</source>
        <translation>Проверьте, что в выделенной строке — названия столбцов. Если нет, щёлкните нужную строку или введите её номер.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Строка заголовков:</translation>
    </message>
    <message>
        <source>The sheet could not be read.</source>
        <translation>Не удалось прочитать лист.</translation>
    </message>
    <message>
        <source>Data rows below the header: %1.</source>
        <translation>Строк данных под заголовком: %1.</translation>
    </message>
</context>
<context>
    <name>Sp5Dialog</name>
    <message>
        <source>Statistical report, form 5-SP</source>
        <translation>Статистический отчёт по форме 5-СП</translation>
    </message>
    <message>
        <source>Consolidated report: this organisation and %1 subordinate ones</source>
        <translation>Сводный отчёт: эта организация и нижестоящие (%1)</translation>
    </message>
    <message>
        <source>Report of one primary organisation</source>
        <translation>Отчёт одной первичной организации</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>As of (start of the day):</source>
        <translation>На дату (начало дня):</translation>
    </message>
    <message>
        <source>Make the report…</source>
        <translation>Сформировать…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Enter the date as dd.mm.yyyy</source>
        <translation>Введите дату в виде дд.мм.гггг</translation>
    </message>
    <message>
        <source>Counting the report…</source>
        <translation>Отчёт считается…</translation>
    </message>
    <message>
        <source>Check the data</source>
        <translation>Проверьте данные</translation>
    </message>
    <message>
        <source>Some values look implausible. Check them before sending the report:</source>
        <translation>Некоторые значения выглядят неправдоподобно. Проверьте их, прежде чем отправлять отчёт:</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Всё равно сохранить</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Отчёт сохраняется…</translation>
    </message>
    <message>
        <source>Form 5-SP</source>
        <translation>Форма 5-СП</translation>
    </message>
    <message>
        <source>The report could not be made. Check the date and try again; if it fails again, contact support.</source>
        <translation>Не удалось сформировать отчёт. Проверьте дату и попробуйте ещё раз; если не получится — обратитесь в поддержку.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Reading data…</source>
        <translation>Чтение данных…</translation>
    </message>
    <message>
        <source>in the list: %1</source>
        <translation>в списке: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln union member(s) on the register</source>
        <translation>
            <numerusform>%Ln член Профсоюза на учёте</numerusform>
            <numerusform>%Ln члена Профсоюза на учёте</numerusform>
            <numerusform>%Ln членов Профсоюза на учёте</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Синхронизация: ещё не настроена</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>Synchronising… %Ln record(s) received</source>
        <translation>
            <numerusform>Синхронизация… получена %Ln запись</numerusform>
            <numerusform>Синхронизация… получено %Ln записи</numerusform>
            <numerusform>Синхронизация… получено %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation>Синхронизировано в %1</translation>
    </message>
    <message>
        <source>No connection to the server</source>
        <translation>Нет связи с сервером</translation>
    </message>
    <message>
        <source>data as of %1</source>
        <translation>данные на %1</translation>
    </message>
    <message>
        <source>Sign-in expired: sign out and sign in again</source>
        <translation type="vanished">Вход устарел: выйдите и войдите снова</translation>
    </message>
    <message>
        <source>New version %1 available</source>
        <translation>Доступна новая версия %1</translation>
    </message>
    <message>
        <source>Downloading data… %1%</source>
        <translation>Загрузка данных… %1%</translation>
    </message>
    <message>
        <source>This version is out of date: synchronisation is off</source>
        <translation>Версия программы устарела: синхронизация отключена</translation>
    </message>
    <message>
        <source>Sign-in expired: sign in again</source>
        <translation>Сеанс истёк: войдите снова</translation>
    </message>
    <message>
        <source>Synchronisation error</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <source>Last synchronised %1</source>
        <translation>Последняя синхронизация %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Update needed</source>
        <translation>Нужно обновление</translation>
    </message>
    <message>
        <source>F5 — synchronise now</source>
        <translation>F5 — синхронизировать сейчас</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln изменение не отправлено</numerusform>
            <numerusform>%Ln изменения не отправлены</numerusform>
            <numerusform>%Ln изменений не отправлено</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Конфликты: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Отклонено: %1</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>Accept by &amp;transfer…</source>
        <translation>Принять &amp;переводом…</translation>
    </message>
    <message>
        <source>Accept a union member from another organisation: find them in the registry</source>
        <translation>Принять члена Профсоюза из другой организации: найти его в реестре</translation>
    </message>
    <message>
        <source>Transfer to another &amp;organisation…</source>
        <translation>Перевести в другую &amp;организацию…</translation>
    </message>
    <message>
        <source>Transfer re&amp;quests…</source>
        <translation>&amp;Запросы на перевод…</translation>
    </message>
    <message>
        <source>Requests to transfer members between organisations: filed by you and to you</source>
        <translation>Запросы на перевод членов Профсоюза между организациями: направленные вами и вам</translation>
    </message>
    <message>
        <source>Transfer requests: {here} to decide, {there} sent</source>
        <extracomment>The status bar&apos;s counter of requests waiting for a decision (opens the list).</extracomment>
        <translation>Запросы на перевод: ждут решения — {here}, направлено — {there}</translation>
    </message>
</context>
<context>
    <name>TransferOutDialog</name>
    <message>
        <source>Transfer to another organisation</source>
        <translation>Перевести в другую организацию</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The member is removed from this organisation&apos;s register with the reason «transfer to another primary organisation» (not a loss to the union); the union card stays valid. When the receiving organisation accepts the transfer, the card with its history moves there. Until then the member can be restored here.</source>
        <translation>Член Профсоюза снимается с учёта в этой организации по причине «перевод в другую ППО» (это не выбытие из Профсоюза); электронный профсоюзный билет остаётся действительным. Когда принимающая организация примет перевод, карточка вместе с историей перейдёт туда. До этого члена Профсоюза можно восстановить здесь.</translation>
    </message>
    <message>
        <source>e.g. the name of the school, if known</source>
        <translation>например, название школы, если известно</translation>
    </message>
    <message>
        <source>Date of transfer</source>
        <translation>Дата перевода</translation>
    </message>
    <message>
        <source>To which organisation</source>
        <translation>В какую организацию</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Перевести</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Transfer «{name}» to another organisation.</source>
        <translation>Перевести «{name}» в другую организацию.</translation>
    </message>
    <message>
        <source>This member is already removed from the register.</source>
        <translation>Этот член Профсоюза уже снят с учёта.</translation>
    </message>
    <message>
        <source>The member was not found; refresh the list.</source>
        <translation>Член Профсоюза не найден; обновите список.</translation>
    </message>
    <message>
        <source>Enter the date of transfer (dd.mm.yyyy).</source>
        <translation>Укажите дату перевода (дд.мм.гггг).</translation>
    </message>
    <message>
        <source>Nothing was saved because of an internal error.</source>
        <translation>Из-за внутренней ошибки ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>TransferRequestsDialog</name>
    <message>
        <source>Transfer requests</source>
        <translation>Запросы на перевод</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Other organisation</source>
        <translation>Другая организация</translation>
    </message>
    <message>
        <source>Date of transfer</source>
        <translation>Дата перевода</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Required when declining</source>
        <translation>Обязателен при отказе</translation>
    </message>
    <message>
        <source>Comment to the decision</source>
        <translation>Комментарий к решению</translation>
    </message>
    <message>
        <source>Agree to the transfer</source>
        <translation>Согласовать перевод</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Withdraw the request</source>
        <translation>Отозвать запрос</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>We asked for</source>
        <translation>Мы запросили</translation>
    </message>
    <message>
        <source>Asked of us</source>
        <translation>Запрошен у нас</translation>
    </message>
    <message>
        <source>There are no transfer requests.</source>
        <translation>Запросов на перевод нет.</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>ждёт решения</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>согласован</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>отозван</translation>
    </message>
    <message>
        <source>(not yet sent)</source>
        <translation>(ещё не отправлено)</translation>
    </message>
    <message>
        <source>Saved. The decision goes to the registry with the next synchronisation (F5).</source>
        <translation>Сохранено. Решение уйдёт в реестр при следующей синхронизации (F5).</translation>
    </message>
    <message>
        <source>The request is withdrawn; the registry learns it with the next synchronisation (F5).</source>
        <translation>Запрос отозван; реестр узнает об этом при следующей синхронизации (F5).</translation>
    </message>
    <message>
        <source>Could not read or save the transfer requests.</source>
        <translation>Не удалось прочитать или сохранить запросы на перевод.</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>Сохранить изменения?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Find: login, name, organisation or its code</source>
        <translation>Поиск: логин, ФИО, организация или её код</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Create a login…</source>
        <translation>Создать учётную запись…</translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Отключить…</translation>
    </message>
    <message>
        <source>End all sessions…</source>
        <translation>Завершить все сеансы…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Loading the logins from the registry…</source>
        <translation>Загрузка учётных записей из реестра…</translation>
    </message>
    <message>
        <source>Logins: %1 (shown %2), locked: %3, disabled: %4</source>
        <translation>Учётных записей: %1 (показано %2), заблокировано: %3, отключено: %4</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Disable the login «%1»? It will not be able to sign in, and its sessions on every computer end now.</source>
        <translation>Отключить учётную запись «%1»? С ней нельзя будет войти, а её сеансы на всех компьютерах завершатся сейчас же.</translation>
    </message>
    <message>
        <source>End every session of «%1»? The program on each of its computers asks for the password again.</source>
        <translation>Завершить все сеансы «%1»? Программа на каждом её компьютере снова запросит пароль.</translation>
    </message>
    <message>
        <source>The login «%1» is unlocked.</source>
        <translation>Учётная запись «%1» разблокирована.</translation>
    </message>
    <message>
        <source>The login «%1» is disabled; its sessions have ended.</source>
        <translation>Учётная запись «%1» отключена, её сеансы завершены.</translation>
    </message>
    <message>
        <source>The login «%1» is enabled again.</source>
        <translation>Учётная запись «%1» снова включена.</translation>
    </message>
    <message>
        <source>Every session of «%1» has ended.</source>
        <translation>Все сеансы «%1» завершены.</translation>
    </message>
    <message>
        <source>Sending to the registry…</source>
        <translation>Отправка в реестр…</translation>
    </message>
    <message>
        <source>Reset the password of «%1»? A new one-time password is made, the old one stops working and every session of the login ends.</source>
        <translation>Сбросить пароль «%1»? Будет выдан новый временный пароль, прежний перестанет действовать, все сеансы учётной записи завершатся.</translation>
    </message>
    <message>
        <source>A new one-time password for «%1» is issued.</source>
        <translation>Для «%1» выдан новый временный пароль.</translation>
    </message>
    <message>
        <source>The login «%1» is created.</source>
        <translation>Учётная запись «%1» создана.</translation>
    </message>
    <message>
        <source>The registry cannot be reached now: managing logins needs a connection. Check the Internet connection and press «Refresh».</source>
        <translation>Сейчас нет связи с реестром, а управление учётными записями работает только при связи. Проверьте подключение к интернету и нажмите «Обновить».</translation>
    </message>
    <message>
        <source>Something went wrong. Try again; if it fails again, contact support.</source>
        <translation>Что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, обратитесь в поддержку.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Password change</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>regional organisation</source>
        <translation>региональная организация</translation>
    </message>
    <message>
        <source>territorial chair</source>
        <translation>председатель территориальной</translation>
    </message>
    <message>
        <source>primary chair</source>
        <translation>председатель ППО</translation>
    </message>
    <message>
        <source>PROFCARDS operator</source>
        <translation>оператор PROFCARDS</translation>
    </message>
    <message>
        <source>never</source>
        <translation>не входил(а)</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>заблокирована</translation>
    </message>
    <message numerus="yes">
        <source>wrong passwords from %n address(es)</source>
        <translation>
            <numerusform>неверные пароли с %n адреса</numerusform>
            <numerusform>неверные пароли с %n адресов</numerusform>
            <numerusform>неверные пароли с %n адресов</numerusform>
        </translation>
    </message>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключена</translation>
    </message>
    <message>
        <source>required</source>
        <translation>требуется</translation>
    </message>
</context>
<context>
    <name>WorkTab</name>
    <message>
        <source>e.g. МБОУ «СОШ № 5» of the village of Ivanovka</source>
        <translation>например, МБОУ «СОШ № 5» с. Ивановка</translation>
    </message>
    <message>
        <source>— not in the list —</source>
        <translation>— нет в списке —</translation>
    </message>
    <message>
        <source>or type the position as it is written</source>
        <translation>или впишите должность, как в документах</translation>
    </message>
    <message>
        <source>✓ Pedagogical position</source>
        <translation>✓ Педагогическая должность</translation>
    </message>
    <message>
        <source>Not a pedagogical position</source>
        <translation>Непедагогическая должность</translation>
    </message>
</context>
</TS>
