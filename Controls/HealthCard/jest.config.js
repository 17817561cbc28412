/** Jest runs the unit tests of the card's logic (node) and the browser tests of the built bundle (headless Chromium). */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["ts-jest", {
            tsconfig: {
                module: "commonjs",
                target: "es2020",
                lib: ["ES2020", "DOM"],
                strict: true,
                esModuleInterop: true,
                resolveJsonModule: true,
                types: ["jest", "node", "powerapps-component-framework"],
            },
        }],
    },
    testTimeout: 60000,
};
