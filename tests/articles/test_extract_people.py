"""People: dictionary aliases and role patterns."""

from __future__ import annotations

from datetime import date

import pytest

from tests.articles.extraction_support import reference_gazetteer, run


def people(body: str, gazetteer=None):
    return {p.name: p for p in run(body, published=date(2025, 5, 5), gazetteer=gazetteer).people}


def test_a_known_person_is_found_with_honorific_and_english_name():
    found = people("श्री राजनाथ सिंह (Rajnath Singh) ने कहा।")
    assert list(found) == ["राजनाथ सिंह"]
    assert found["राजनाथ सिंह"].known and found["राजनाथ सिंह"].country == "IN"
    assert found["राजनाथ सिंह"].role == "defence-minister"


def test_an_unknown_minister_is_found_by_role_with_country_and_flagged_unknown():
    found = people("जापान के रक्षा मंत्री श्री जेन नाकातानी ने बैठक में कहा।")
    person = found["जेन नाकातानी"]
    assert (person.country, person.role, person.known) == ("JP", "defence-minister", False)


def test_a_demonym_before_the_role_gives_the_country():
    person = people("रूसी रक्षा मंत्री आंद्रेई बेलूसोव से मुलाकात की।")["आंद्रेई बेलूसोव"]
    assert (person.country, person.role) == ("RU", "defence-minister")


def test_the_longest_role_wins_and_the_name_stops_at_a_postposition():
    found = people("जापान के उप विदेश मंत्री ताकेहिरो फुनाकोशी के साथ वार्ता की।")
    assert found["ताकेहिरो फुनाकोशी"].role == "vice-foreign-minister"


def test_an_unqualified_role_belongs_to_the_home_country():
    person = people("विदेश सचिव विक्रम मिस्री ने कहा।")["विक्रम मिस्री"]
    assert (person.country, person.role) == ("IN", "foreign-secretary")


def test_a_role_with_no_name_after_it_finds_nobody():
    assert people("जापानी मंत्री ने भी दुख व्यक्त किया और प्रधानमंत्री की प्रशंसा की।") == {}


def test_a_name_stops_after_four_words_and_particles_do_not_count():
    found = people("यूएई के राष्ट्रपति मोहम्मद बिन जायद अल नाहयान ने कहा।", reference_gazetteer())
    assert "मोहम्मद बिन जायद अल नाहयान" in found


def test_a_portfolio_between_country_and_minister_keeps_the_country():
    found = people("फ्रांस के सशस्त्र बल मंत्री सेबास्टियन लेकोर्नू से मिले।", reference_gazetteer())
    assert found["सेबास्टियन लेकोर्नू"].country == "FR"


def test_a_second_role_joined_by_and_inherits_the_country():
    text = "ऑस्ट्रेलिया के उप प्रधानमंत्री और रक्षा मंत्री रिचर्ड मार्ल्स ने कहा।"
    assert people(text)["रिचर्ड मार्ल्स"].country == "AU"


def test_a_later_surname_is_the_same_new_person():
    result = run("जापान के रक्षा मंत्री जेन नाकातानी आए। श्री नाकातानी ने कहा।")
    assert [p.name for p in result.people] == ["जेन नाकातानी"]


def test_an_english_name_in_parentheses_after_a_new_name_is_kept():
    found = people("जापान के रक्षा मंत्री जेन नाकातानी (Gen Nakatani) ने कहा।")
    assert found["जेन नाकातानी"].name_en == "Gen Nakatani"


# Officials below minister rank and foreign officials (invented names throughout).


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("उर्वरक सचिव सुधीर कालरा ने कहा।", "सुधीर कालरा"),
        ("रक्षा सचिव प्रभाकर नायडू ने कहा।", "प्रभाकर नायडू"),
        ("वाणिज्य सचिव मीनल देशपांडे ने कहा।", "मीनल देशपांडे"),
        ("संयुक्त सचिव हरिहर प्रसाद मिश्र ने कहा।", "हरिहर प्रसाद मिश्र"),
        ("अपर सचिव कविता रामास्वामी ने कहा।", "कविता रामास्वामी"),
        ("विदेश मंत्रालय में सचिव (पूर्व) रेवती कृष्ण मेनन ने कहा।", "रेवती कृष्ण मेनन"),
        ("कृषि विभाग के अवर सचिव दिनेश चंद्र पाठक ने कहा।", "दिनेश चंद्र पाठक"),
    ],
)
def test_secretaries_of_any_ministry_are_found_by_role(text, name):
    person = people(text, reference_gazetteer())[name]
    assert (person.country, person.role, person.known) == ("IN", "official", False)


def test_a_country_before_a_department_and_a_lower_role_gives_the_country():
    found = people(
        "भारत की ओर से खनन विभाग के निदेशक अजय वर्धन और जापान की ओर से विदेश मंत्रालय के "
        "अवर सचिव केंजी मोरिता ने बैठक की अध्यक्षता की।",
        reference_gazetteer(),
    )
    assert found["अजय वर्धन"].country == "IN"
    assert (found["केंजी मोरिता"].country, found["केंजी मोरिता"].role) == ("JP", "official")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("ब्रिटिश विदेश कार्यालय की निदेशक एलिनॉर ब्रैकनबरी ने कहा।", "एलिनॉर ब्रैकनबरी", "GB"),
        (
            "फिलीपींस की विदेश मामलों की अवर सचिव लुसिया मोरेनो डियाज़ ने कहा।",
            "लुसिया मोरेनो डियाज़",
            "PH",
        ),
        (
            "फिलीपींस की ओर से विदेश विभाग की अवर सचिव (Undersecretary) रोसा अल्वारेज़ ने कहा।",
            "रोसा अल्वारेज़",
            "PH",
        ),
        ("जर्मनी के परिवहन राज्य मंत्री फ्रांज़ हेलमुट ने कहा।", "फ्रांज़ हेलमुट", "DE"),
        ("रूस के उप ऊर्जा मंत्री ओलेग वेरेतिन ने कहा।", "ओलेग वेरेतिन", "RU"),
        (
            "नेपाल के ऊर्जा, जल संसाधन और सिंचाई मंत्री भरत राज थापा ने कहा।",
            "भरत राज थापा",
            "NP",
        ),
        (
            "ब्रिटिश पक्ष की अगुवाई विदेश कार्यालय (FCO) में सुरक्षा विभाग की निदेशक मार्था क्रेनली ने की।",
            "मार्था क्रेनली",
            "GB",
        ),
    ],
)
def test_foreign_officials_take_the_country_before_their_department(text, name, country):
    assert people(text, reference_gazetteer())[name].country == country


def test_a_country_is_not_taken_across_a_verb():
    found = people("चीन पर चर्चा करते हुए मंत्री गिरीश बांदेकर ने कहा।", reference_gazetteer())
    assert found["गिरीश बांदेकर"].country == "IN"


@pytest.mark.parametrize(
    "text",
    [
        "नेपाल के ऊर्जा मंत्री दिल्ली में, समझौते पर चर्चा",
        "जापान के उप मंत्री टोक्यो लौट गए।",
        "ऑस्ट्रेलिया के मंत्री सिंगापुर पहुंचे।",
        "रूस के निदेशक मॉस्को से आए।",
        "उन्हें सचिव पद पर नियुक्त किया गया।",
        "निदेशक मंडल की बैठक हुई।",
    ],
)
def test_a_city_a_country_or_an_office_word_is_never_a_person(text):
    assert people(text, reference_gazetteer()) == {}


def test_initials_are_part_of_a_new_name_and_its_english_form_is_kept():
    result = run(
        "भारत के खान मंत्री श्री आर. के. वर्मन (R. K. Varman) ने कहा। उन्होंने बैठक की।",
        published=date(2025, 5, 5),
        gazetteer=reference_gazetteer(),
    )
    (person,) = result.people
    assert (person.name, person.name_en, person.country) == ("आर. के. वर्मन", "R. K. Varman", "IN")


def test_an_honorific_name_with_english_form_and_a_role_after_it_is_a_person():
    found = people(
        "सुश्री ग्रेटा हॉलबर्ग (Greta Hallberg), ऑस्ट्रेलिया की संसाधन मंत्री, ने कहा।",
        reference_gazetteer(),
    )
    person = found["ग्रेटा हॉलबर्ग"]
    assert (person.name_en, person.country, person.role) == ("Greta Hallberg", "AU", "minister")


def test_an_honorific_name_without_a_role_near_it_is_not_taken():
    assert people("श्री तरुण गोस्वामी (Tarun Goswami) ने कहा।", reference_gazetteer()) == {}
