global using Products.Emulator.Gateway;
global using Products.Testing.Events;
global using Xunit;
