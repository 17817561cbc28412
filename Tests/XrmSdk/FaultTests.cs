using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class FaultTests
    {
        // Exception's own HResult (COR_E_EXCEPTION): what ErrorCode reads when no code was given.
        private const int DefaultErrorCode = -2146233088;

        [Test]
        public void A_new_organization_service_fault_has_empty_details_and_no_inner_fault()
        {
            var fault = new OrganizationServiceFault();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.Zero);
                Assert.That(fault.Message, Is.Null);
                Assert.That(fault.ErrorDetails, Is.Empty);
                Assert.That(fault.InnerFault, Is.Null);
            }
        }

        [Test]
        public void A_fault_prints_its_code_in_hex_its_message_and_then_its_inner_faults()
        {
            var fault = new OrganizationServiceFault
            {
                ErrorCode = -2147220969,
                Message = "outer",
                Timestamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                InnerFault = new OrganizationServiceFault { ErrorCode = 1, Message = "inner" },
            };

            var lines = fault.ToString().Split(Environment.NewLine);

            Assert.That(lines, Is.EqualTo(new[]
            {
                "Exception details: ", "ErrorCode: 0x80040217", "Message: outer", "TimeStamp: 2024-01-02T03:04:05.0000000Z", "--",
                "Exception details: ", "ErrorCode: 0x1", "Message: inner", "TimeStamp: 0001-01-01T00:00:00.0000000Z", "--",
                string.Empty,
            }));
        }

        [Test]
        public void An_invalid_plugin_execution_exception_defaults_to_failed_with_the_exception_error_code()
        {
            var error = new InvalidPluginExecutionException("Score could not be computed");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error.Message, Is.EqualTo("Score could not be computed"));
                Assert.That(error.Status, Is.EqualTo(OperationStatus.Failed));
                Assert.That(error.ErrorCode, Is.EqualTo(DefaultErrorCode));
                Assert.That(error.HttpStatus, Is.EqualTo(PluginHttpStatusCode.NotSet));
                Assert.That(error.ExceptionDetails, Is.Empty);
            }
        }

        [Test]
        public void An_explicit_error_code_becomes_the_HResult_too()
        {
            var error = new InvalidPluginExecutionException(OperationStatus.Retry, 42, "retry later", PluginHttpStatusCode.Conflict);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error.ErrorCode, Is.EqualTo(42));
                Assert.That(error.HResult, Is.EqualTo(42));
                Assert.That(error.Status, Is.EqualTo(OperationStatus.Retry));
                Assert.That(error.HttpStatus, Is.EqualTo(PluginHttpStatusCode.Conflict));
            }
        }

        [Test]
        public void The_status_only_constructor_gives_an_empty_message()
        {
            Assert.That(new InvalidPluginExecutionException(OperationStatus.Canceled).Message, Is.Empty);
        }

        [Test]
        public void Exception_details_are_kept_as_given_and_an_explicit_null_stays_null()
        {
            var details = new Dictionary<string, string> { ["policy"] = "default" };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(new InvalidPluginExecutionException("m", details).ExceptionDetails["policy"], Is.EqualTo("default"));
                Assert.That(new InvalidPluginExecutionException("m", PluginHttpStatusCode.BadRequest, null!).ExceptionDetails, Is.Null);
                Assert.That(new InvalidPluginExecutionException("m", new InvalidOperationException("cause")).InnerException!.Message, Is.EqualTo("cause"));
            }
        }

        [Test]
        public void An_invalid_plugin_execution_exception_prints_its_status_and_http_status()
        {
            var text = new InvalidPluginExecutionException(OperationStatus.Retry, 5, "msg", PluginHttpStatusCode.Conflict).ToString();

            Assert.That(text.Split(Environment.NewLine), Is.EqualTo(new[] { "_status: Retry", "_httpStatusCode: Conflict", string.Empty }));
        }
    }
}
