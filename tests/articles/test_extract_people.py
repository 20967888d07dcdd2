"""People: dictionary aliases and role patterns."""

from __future__ import annotations

from datetime import date

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
