// The name gazetteer: common first names and surnames in Denmark (after Danmarks
// Statistik's name statistics, with common names among immigrants and their
// descendants). Names outside these lists are found only from context (see names.ts).

const FEMALE = `
Agnes Alberte Alma Amalie Andrea Anette Anita Anja Ann Anna Anne Annemette Annette Ane Asta Astrid
Benedikte Bente Betina Bettina Birgit Birgitte Birthe Bodil Britt Camilla Caroline Cathrine Cecilie
Charlotte Christina Christine Clara Connie Dagmar Ditte Dorte Dorthe Edith Ella Ellen Ellie Else Emilie
Emily Emma Erna Esther Eva Filippa Freja Frida Gerda Gitte Grethe Gry Hanna Hanne Heidi Helena Helle
Henriette Ida Inga Inge Inger Ingrid Isabella Jane Janne Janni Jannie Jeanette Jette Johanne Jonna
Josefine Julie Jytte Kamilla Karen Karin Karina Karla Kathrine Katrine Kirsten Kirstine Kristina Laura
Lea Lena Lene Line Liv Lisa Lisbeth Lise Liva Lone Lotte Louise Luna Lærke Maiken Maja Malene Maria
Marianne Marie Mathilde Merete Mette Mia Michelle Mie Mille Nadia Naja Nanna Natasja Nina Nora Olivia
Pernille Pia Rikke Rita Rosa Ruth Sandra Sanne Sara Sarah Selma Signe Sigrid Silje Sofia Sofie Stine
Susan Susanne Tanja Thea Tina Tove Trine Ulla Vibeke Victoria Vigga Winnie Yvonne Åse
`;

const MALE = `
Aage Adam Albert Alexander Alfred Allan Anders Andreas Anton Arne Aron Arthur Asger Aske August Axel
Aksel Benjamin Benny Bent Bertram Bjarne Bjørn Bo Brian Carl Carlo Carsten Casper Christian
Christoffer Claus Daniel Dennis Ebbe Elias Emil Erik Erling Esben Eske Felix Finn Flemming Frank
Frederik Gert Gustav Hans Harald Helge Henning Henrik Hjalte Holger Hugo Ib Jacob Jakob Jan Jannik
Jens Jeppe Jesper Jimmy Johan Johannes John Johnny Jonas Jonathan Jørgen Jørn Kaj Karl Kasper Keld
Kenneth Kim Kjeld Klaus Knud Konrad Kristian Kristoffer Kurt Lars Lasse Leif Leo Liam Louis Lucas
Ludvig Lukas Mads Magnus Malthe Marcus Marius Martin Mathias Max Michael Mikkel Mogens Morten Niels
Nikolaj Nicolai Niklas Nicklas Noah Ole Oliver Oscar Otto Ove Palle Patrick Per Peter Philip Poul
Preben Rasmus René Rene Rune Sebastian Sigurd Silas Simon Steen Steffen Sten Storm Sune Svend Søren
Tage Thomas Thor Tobias Tommy Torben Troels Tue Uffe Ulrik Vagn Valdemar Victor Viggo Villads Villy
Vincent Walter William Laurits Lauritz Merle
`;

// Common among immigrants and their descendants in Denmark (several spellings each).
const IMMIGRANT_FIRST = `
Abdi Abdullah Ahmad Ahmed Ali Amina Amir Aisha Ayan Ayse Bilal Elif Emre Fatima Fatma Hamid Hamza
Hanan Hassan Hiba Hodan Hussein Ibrahim Ismail Jamal Karim Khalid Layla Leila Mahmoud Mariam Maryam
Mehmet Mohamed Mohammad Mohammed Muhammad Mustafa Noor Nour Omar Rania Samira Sana Tariq Yasmin
Youssef Yusuf Zainab Zeynep
Abdirahman Abdullahi Ayaan Faadumo Hibo Sahra Aya Leyla Yara Reza Ali-Reza Zahra
Agnieszka Katarzyna Małgorzata Krzysztof Łukasz Marcin Michał Paweł Piotr Tomasz
Iryna Natalia Oksana Olena Tetiana Andrij Dmytro Mykola Oleksandr Serhij
`;

const SURNAMES = `
Abildgaard Andersen Andreasen Bach Bak Bang Baun Bech Beck Berg Bertelsen Bisgaard Brandt Bruun Buch
Carlsen Christensen Christiansen Clausen Dahl Dalsgaard Dam Damgaard Ebbesen Enevoldsen Eriksen
Eskildsen Fischer Frandsen Frederiksen Friis Gregersen Hansen Hedegaard Henriksen Hermansen Holm Holst
Hviid Høj Ibsen Iversen Jacobsen Jakobsen Jensen Jeppesen Jepsen Jespersen Jessen Johansen Juhl
Jørgensen Kirkegaard Kjeldsen Kjær Kjærgaard Klausen Knudsen Koch Kofoed Kristensen Kristiansen Krog
Krogh Kruse Larsen Lassen Lauridsen Lauritsen Laursen Lind Lorentzen Lund Madsen Mathiasen Mikkelsen
Mogensen Mortensen Mouritsen Munk Møller Mølgaard Nielsen Nissen Nygaard Nørgaard Olesen Olsen
Overgaard Pallesen Pedersen Petersen Poulsen Rasmussen Ravn Riis Schmidt Schou Simonsen Skov
Steffensen Svendsen Søndergaard Sørensen Thomassen Thomsen Thygesen Toft Vestergaard Villadsen
Vinther Winther Østergaard
Abdi Ahmed Ali Demir Farah Hassan Hussein Ibrahim Jama Kaya Khan Mahmoud Mohamed Nguyen Omar Osman
Yilmaz Öztürk Özdemir Çelik Şahin Ahmadi Hosseini Rahimi Haddad
Kowalski Kowalczyk Kamiński Lewandowski Nowak Wiśniewski Wójcik
Bondarenko Kovalenko Melnyk Shevchenko Tkachenko
Bendtsen Bundgaard Bødker Christoffersen Dalgaard Danielsen Davidsen Ditlevsen Egelund Ernst Fogh
Frost Gade Gram Graversen Hald Hartmann Hjorth Holt Hougaard Justesen Kjeldgaard Kragh Lange
Lauritzen Lykke Markussen Nikolajsen Nørregaard Paulsen Rask Rosenberg Schultz Severinsen Sommer
Stampe Storm Therkildsen Thorsen Troelsen Wind
`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

export const FIRST_NAMES: ReadonlySet<string> = new Set([...words(FEMALE), ...words(MALE), ...words(IMMIGRANT_FIRST)]);
export const SURNAMES_SET: ReadonlySet<string> = new Set(words(SURNAMES));

/**
 * Names that are also ordinary Danish words (bo "live", per "by", hans "his", tage "take",
 * liv "life", storm, line, rosa "pink", august ...). Capitalised at the start of a sentence
 * they are usually the word, so there they count as names only with support from context.
 */
export const WORD_LIKE_NAMES: ReadonlySet<string> = new Set(
	words(`
Ane Aske August Bo Bjørn Ebbe Frank Gry Hans Karl Liv Line Lærke Max Per Rene Rosa Rune Sten
Storm Tage Vagn
Bang Berg Dam Frost Gade Gram Holm Høj Kjær Krog Kruse Lange Lind Lund Lykke Munk Rask Ravn Skov
Sommer Toft Wind
`)
);
