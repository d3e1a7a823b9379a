import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface PublicHttpApiProps {
  readonly handler: IFunction;
  /** Steady-state requests per second, the default of every route on the stage (ApiStack: STAGE_THROTTLE). */
  readonly rateLimit: number;
  /** Requests the bucket lets through at once above the rate. */
  readonly burstLimit: number;
  /** @default three months */
  readonly accessLogRetention?: RetentionDays;
}

/**
 * HTTP API (payload v2) that sends everything under /api to the one Lambda; the Hono app
 * does its own routing. Only /api is routed so stray paths never reach (or bill) the Lambda.
 */
export class PublicHttpApi extends Construct {
  public readonly api: HttpApi;
  public readonly stage: HttpStage;
  public readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);

    // The built-in default stage cannot take access-log settings, so we create $default ourselves.
    this.api = new HttpApi(this, 'Api', {
      description: 'Education-group (集团化办学) mini-program API',
      createDefaultStage: false,
    });

    // Access logs hold client IPs: keep them long enough to investigate abuse, no longer.
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.THREE_MONTHS,
    });

    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: httpApiAccessLogFormat(),
      },
    });

    const integration = new HttpLambdaIntegration('Lambda', props.handler);
    for (const path of ['/api', '/api/{proxy+}']) {
      for (const route of this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration })) {
        // On the CfnRoute only, so the route's permission and integration carry no suppression.
        Validations.of(route.node.defaultChild!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'Catalogue reads are public by design; routes that need a user are authorised inside the app ' +
            "from the caller's WeChat identity (wx.login code exchanged for a session token / JWT), " +
            'which an API Gateway authorizer cannot verify on its own.',
        });
      }
    }
  }

  /** The invoke URL of the $default stage (no stage segment in the path). */
  public get url(): string {
    return this.stage.url;
  }
}

/**
 * One JSON object per request, using only $context variables HTTP APIs support
 * (the REST-API helper AccessLogFormat.jsonWithStandardFields uses some they lack).
 */
function httpApiAccessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      routeKey: '$context.routeKey',
      path: '$context.path',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationLatencyMs: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
    }),
  );
}
