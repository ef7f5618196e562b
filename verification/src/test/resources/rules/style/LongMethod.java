package fixture;

/** Style fixture (StyleSabotageTest): {@code overLimit} has 41 lines, {@code atLimit} 40. */
final class LongMethod {
    static int overLimit(int x) {
        x = x * 3 + 1; // step 1
        x = x * 3 + 2; // step 2
        x = x * 3 + 3; // step 3
        x = x * 3 + 4; // step 4
        x = x * 3 + 5; // step 5
        x = x * 3 + 6; // step 6
        x = x * 3 + 7; // step 7
        x = x * 3 + 8; // step 8
        x = x * 3 + 9; // step 9
        x = x * 3 + 10; // step 10
        x = x * 3 + 11; // step 11
        x = x * 3 + 12; // step 12
        x = x * 3 + 13; // step 13
        x = x * 3 + 14; // step 14
        x = x * 3 + 15; // step 15
        x = x * 3 + 16; // step 16
        x = x * 3 + 17; // step 17
        x = x * 3 + 18; // step 18
        x = x * 3 + 19; // step 19
        x = x * 3 + 20; // step 20
        x = x * 3 + 21; // step 21
        x = x * 3 + 22; // step 22
        x = x * 3 + 23; // step 23
        x = x * 3 + 24; // step 24
        x = x * 3 + 25; // step 25
        x = x * 3 + 26; // step 26
        x = x * 3 + 27; // step 27
        x = x * 3 + 28; // step 28
        x = x * 3 + 29; // step 29
        x = x * 3 + 30; // step 30
        x = x * 3 + 31; // step 31
        x = x * 3 + 32; // step 32
        x = x * 3 + 33; // step 33
        x = x * 3 + 34; // step 34
        x = x * 3 + 35; // step 35
        x = x * 3 + 36; // step 36
        x = x * 3 + 37; // step 37
        x = x * 3 + 38; // step 38
        return x;
    }

    static int atLimit(int x) {
        x += 1; // add 1
        x += 2; // add 2
        x += 3; // add 3
        x += 4; // add 4
        x += 5; // add 5
        x += 6; // add 6
        x += 7; // add 7
        x += 8; // add 8
        x += 9; // add 9
        x += 10; // add 10
        x += 11; // add 11
        x += 12; // add 12
        x += 13; // add 13
        x += 14; // add 14
        x += 15; // add 15
        x += 16; // add 16
        x += 17; // add 17
        x += 18; // add 18
        x += 19; // add 19
        x += 20; // add 20
        x += 21; // add 21
        x += 22; // add 22
        x += 23; // add 23
        x += 24; // add 24
        x += 25; // add 25
        x += 26; // add 26
        x += 27; // add 27
        x += 28; // add 28
        x += 29; // add 29
        x += 30; // add 30
        x += 31; // add 31
        x += 32; // add 32
        x += 33; // add 33
        x += 34; // add 34
        x += 35; // add 35
        x += 36; // add 36
        x += 37; // add 37
        return x;
    }
}
