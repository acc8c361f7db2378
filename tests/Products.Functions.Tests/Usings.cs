global using Products.Testing.Events;
global using Xunit;
